#include "merchants/decisions.hpp"

#include <algorithm>
#include <tuple>

#include "csv/iso_date.hpp"
#include "store/text_array.hpp"
#include "store/transaction.hpp"

namespace caisse::host::merchants {
namespace {

constexpr const char* kInsert = R"sql(
INSERT INTO merchant_decisions (caisse_id, merchant_id, decision, decided_on, method, votes_for,
                                votes_against, votes_abstain, valid_from, valid_until,
                                next_evaluation_on, note, recorded_by)
VALUES ($1, $2, $3, $4::date, $5, $6::integer, $7::integer, $8::integer, $9::date, $10::date,
        $11::date, $12, $13)
ON CONFLICT (caisse_id, merchant_id, decided_on) DO NOTHING
RETURNING id
)sql";

constexpr const char* kLink =
    "INSERT INTO merchant_decision_evaluations (decision_id, evaluation_id)"
    " SELECT DISTINCT $1::bigint, unnest($2::bigint[])";

// The decisions of caisse $1, of merchant $2 or (NULL) of every merchant, or decision $3 alone.
constexpr const char* kSelect = R"sql(
SELECT d.id, d.merchant_id, d.decision, d.decided_on::text, d.method, d.votes_for,
       d.votes_against, d.votes_abstain, d.valid_from::text, d.valid_until::text,
       d.next_evaluation_on::text, d.note, d.recorded_by,
       to_char(d.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       coalesce((SELECT string_agg(l.evaluation_id::text, ',' ORDER BY l.evaluation_id)
                   FROM merchant_decision_evaluations l WHERE l.decision_id = d.id), '')
  FROM merchant_decisions d
 WHERE d.caisse_id = $1 AND ($2::text IS NULL OR d.merchant_id = $2)
   AND ($3::bigint IS NULL OR d.id = $3::bigint)
 ORDER BY d.valid_from, d.decided_on, d.id
)sql";

// The evaluations named that are not of this merchant, or were made after the decision.
constexpr const char* kBadEvaluations = R"sql(
SELECT x.id, e.merchant_id, e.evaluated_on::text
  FROM unnest($2::bigint[]) AS x(id)
  LEFT JOIN merchant_evaluations e ON e.id = x.id AND e.caisse_id = $1
 WHERE e.id IS NULL OR e.merchant_id <> $3 OR e.evaluated_on > $4::date
 ORDER BY x.id
)sql";

std::optional<std::string> text_of(const std::optional<std::int64_t>& number) {
  if (!number) return std::nullopt;
  return std::to_string(*number);
}

std::string list_of(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto word : words) out += (out.empty() ? "" : ", ") + std::string(word);
  return out;
}

void check_word(std::string_view field, const std::string& value,
                const std::vector<std::string_view>& allowed, std::vector<std::string>& problems) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  problems.push_back(std::string(field) + ": \"" + value + "\" is not one of " + list_of(allowed));
}

// The date, or nullopt after noting why it is not one.
std::optional<csv::Date> check_date(std::string_view field, const std::optional<std::string>& text,
                                    std::vector<std::string>& problems) {
  if (!text) return std::nullopt;
  auto date = csv::parse_date(*text);
  if (!date) {
    problems.push_back(std::string(field) + ": " + date.error().message);
    return std::nullopt;
  }
  return *date;
}

void check_votes(const Decision& d, std::vector<std::string>& problems) {
  if (d.method == "consensus" && d.votes) {
    problems.push_back("votes: a decision by consensus has no vote counts");
  }
  if (d.method != "vote") return;
  if (!d.votes) {
    problems.push_back(
        "votes: a decision by vote gives its counts (in_favour, against, abstaining)");
    return;
  }
  const Votes& v = *d.votes;
  for (auto [field, count] :
       {std::pair{"votes.in_favour", v.in_favour}, std::pair{"votes.against", v.against},
        std::pair{"votes.abstaining", v.abstaining}}) {
    if (count < 0 || count > 10000) {
      problems.push_back(std::string(field) + ": " + std::to_string(count) +
                         " is not a number of people (0 to 10000)");
    }
  }
  if (v.in_favour <= v.against) {
    problems.push_back("votes: " + std::to_string(v.in_favour) + " in favour and " +
                       std::to_string(v.against) +
                       " against: the motion was not carried, so there is no decision to record");
  }
}

Decision decision_at(const store::PgResult& rows, int r) {
  auto optional = [&rows, r](int column) -> std::optional<std::string> {
    if (rows.is_null(r, column)) return std::nullopt;
    return std::string(rows.get(r, column));
  };
  Decision d;
  d.id = std::stoll(std::string(rows.get(r, 0)));
  d.merchant_id = std::string(rows.get(r, 1));
  d.decision = std::string(rows.get(r, 2));
  d.decided_on = std::string(rows.get(r, 3));
  d.method = std::string(rows.get(r, 4));
  if (!rows.is_null(r, 5)) {
    d.votes =
        Votes{std::stoll(std::string(rows.get(r, 5))), std::stoll(std::string(rows.get(r, 6))),
              std::stoll(std::string(rows.get(r, 7)))};
  }
  d.valid_from = std::string(rows.get(r, 8));
  d.valid_until = optional(9);
  d.next_evaluation_on = optional(10);
  d.note = std::string(rows.get(r, 11));
  d.recorded_by = std::string(rows.get(r, 12));
  d.recorded_at = std::string(rows.get(r, 13));
  std::string ids(rows.get(r, 14));
  for (std::size_t start = 0; start < ids.size();) {
    std::size_t comma = std::min(ids.find(',', start), ids.size());
    d.evaluation_ids.push_back(std::stoll(ids.substr(start, comma - start)));
    start = comma + 1;
  }
  return d;
}

Result<std::vector<Decision>> select(store::PgConnection& db, std::string_view caisse_id,
                                     std::optional<std::string> merchant_id,
                                     std::optional<std::int64_t> id) {
  auto rows =
      db.exec_params(kSelect, {std::string(caisse_id), std::move(merchant_id), text_of(id)});
  if (!rows) return rows.error();
  std::vector<Decision> out;
  for (int r = 0; r < rows->rows(); ++r) out.push_back(decision_at(*rows, r));
  return out;
}

std::string id_array(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> texts;
  for (auto id : ids) texts.push_back(std::to_string(id));
  return store::text_array(texts);
}

Result<void> check_references(store::PgConnection& db, std::string_view caisse_id,
                              const Decision& d) {
  auto merchant =
      db.exec_params("SELECT 1 FROM registry_merchants WHERE caisse_id = $1 AND id = $2",
                     {std::string(caisse_id), d.merchant_id});
  if (!merchant) return merchant.error();
  if (merchant->rows() == 0) {
    return make_error(
        "merchant_id: no merchant \"" + d.merchant_id + "\" in caisse " + std::string(caisse_id),
        ErrorKind::invalid);
  }
  auto bad = db.exec_params(kBadEvaluations, {std::string(caisse_id), id_array(d.evaluation_ids),
                                              d.merchant_id, d.decided_on});
  if (!bad) return bad.error();
  std::string problems;
  for (int r = 0; r < bad->rows(); ++r) {
    const std::string id(bad->get(r, 0));
    std::string why =
        bad->is_null(r, 1) ? "no such evaluation in caisse " + std::string(caisse_id)
        : bad->get(r, 1) != d.merchant_id
            ? "it evaluates merchant " + std::string(bad->get(r, 1))
            : "it was made on " + std::string(bad->get(r, 2)) + ", after the decision";
    problems += (problems.empty() ? "" : "\n") + std::string("evaluation_ids: ") + id + ": " + why;
  }
  if (!problems.empty()) return make_error(problems, ErrorKind::invalid);
  return {};
}

bool same_decision(const Decision& a, const Decision& b) {
  auto votes = [](const std::optional<Votes>& v) {
    return v ? std::make_tuple(v->in_favour, v->against, v->abstaining)
             : std::make_tuple(std::int64_t{-1}, std::int64_t{-1}, std::int64_t{-1});
  };
  std::vector<std::int64_t> a_ids = a.evaluation_ids, b_ids = b.evaluation_ids;
  std::sort(a_ids.begin(), a_ids.end());
  std::sort(b_ids.begin(), b_ids.end());
  return std::tie(a.decision, a.method, a.valid_from, a.valid_until, a.next_evaluation_on,
                  a.note) == std::tie(b.decision, b.method, b.valid_from, b.valid_until,
                                      b.next_evaluation_on, b.note) &&
         votes(a.votes) == votes(b.votes) && a_ids == b_ids;
}

// The decision already recorded for this merchant and day: the same one, or a conflict.
Result<std::int64_t> recorded_before(store::PgConnection& db, std::string_view caisse_id,
                                     const Decision& d) {
  auto all = select(db, caisse_id, d.merchant_id, std::nullopt);
  if (!all) return all.error();
  for (const Decision& earlier : *all) {
    if (earlier.decided_on != d.decided_on) continue;
    if (same_decision(earlier, d)) return earlier.id;
    return make_error("merchant " + d.merchant_id + " already has a decision of " + d.decided_on +
                          " (decision " + std::to_string(earlier.id) + ": " + earlier.decision +
                          "); decisions are never rewritten: record the new one with the day it "
                          "was taken",
                      ErrorKind::conflict);
  }
  return make_error("the decision vanished while it was recorded");
}

}  // namespace

Result<void> check_decision(const Decision& d) {
  std::vector<std::string> problems;
  check_word("decision", d.decision, kDecisions, problems);
  check_word("method", d.method, kDecisionMethods, problems);
  check_votes(d, problems);
  auto decided = check_date("decided_on", d.decided_on, problems);
  auto from = check_date("valid_from", d.valid_from, problems);
  auto until = check_date("valid_until", d.valid_until, problems);
  auto next = check_date("next_evaluation_on", d.next_evaluation_on, problems);
  // Purchases already paid were judged by the decision then in force: no retroactive effect.
  if (decided && from && *from < *decided) {
    problems.push_back("valid_from: " + d.valid_from + " is before decided_on " + d.decided_on +
                       " (a decision does not apply to the past)");
  }
  if (from && until && *until < *from) {
    problems.push_back("valid_until: " + *d.valid_until + " is before valid_from " + d.valid_from);
  }
  if (decided && next && *next <= *decided) {
    problems.push_back("next_evaluation_on: " + *d.next_evaluation_on +
                       " is not after decided_on " + d.decided_on);
  }
  if (d.decision == "accredit" && !d.next_evaluation_on) {
    problems.push_back(
        "next_evaluation_on: an accreditation says when the merchant is evaluated again");
  }
  if (d.recorded_by.empty()) problems.push_back("recorded_by: who records the decision is unknown");
  if (problems.empty()) return {};
  std::string message;
  for (const auto& line : problems) message += (message.empty() ? "" : "\n") + line;
  return make_error(message, ErrorKind::invalid);
}

Result<RecordedDecision> record_decision(store::PgConnection& db, std::string_view caisse_id,
                                         const Decision& d, const std::string& today) {
  if (auto checked = check_decision(d); !checked) return checked.error();
  auto transaction = store::Transaction::begin(db);
  if (!transaction) return transaction.error();
  if (auto references = check_references(db, caisse_id, d); !references) {
    return references.error();
  }
  auto inserted = db.exec_params(
      kInsert, {std::string(caisse_id), d.merchant_id, d.decision, d.decided_on, d.method,
                text_of(d.votes ? std::optional(d.votes->in_favour) : std::nullopt),
                text_of(d.votes ? std::optional(d.votes->against) : std::nullopt),
                text_of(d.votes ? std::optional(d.votes->abstaining) : std::nullopt), d.valid_from,
                d.valid_until, d.next_evaluation_on, d.note, d.recorded_by});
  if (!inserted) return inserted.error();
  RecordedDecision recorded;
  if (inserted->rows() == 0) {
    auto earlier = recorded_before(db, caisse_id, d);
    if (!earlier) return earlier.error();
    recorded.id = *earlier;
    return recorded;  // nothing changed: the transaction rolls back
  }
  recorded.id = std::stoll(std::string(inserted->get(0, 0)));
  recorded.fresh = true;
  if (!d.evaluation_ids.empty()) {
    auto linked = db.exec_params(kLink, {std::to_string(recorded.id), id_array(d.evaluation_ids)});
    if (!linked) return linked.error();
  }
  auto changes = registry::refresh_merchant_gates(db, caisse_id, today,
                                                  "decision " + std::to_string(recorded.id));
  if (!changes) return changes.error();
  recorded.changes = std::move(*changes);
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return recorded;
}

Result<std::vector<Decision>> decisions_of(store::PgConnection& db, std::string_view caisse_id,
                                           std::string_view merchant_id) {
  return select(db, caisse_id, std::string(merchant_id), std::nullopt);
}

}  // namespace caisse::host::merchants
