#include "collection/mandates_import.hpp"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "collection/collection_lock.hpp"
#include "collection/mandate_store.hpp"
#include "collection/sepa_fields.hpp"
#include "core/utf8.hpp"
#include "csv/csv_reader.hpp"
#include "csv/csv_writer.hpp"
#include "registry/iban.hpp"
#include "registry/import_support.hpp"
#include "store/text_array.hpp"

namespace caisse::host::collection {
namespace {

using registry::detail::Problems;

constexpr std::string_view kTypeColumn = "type";
// EPC: a debtor's name is at most 70 characters, although ISO allows 140.
constexpr std::size_t kMaxNameCharacters = 70;

struct MandateRow {
  std::size_t line = 0;
  std::string mandate_id;
  std::string household_id;
  std::string name;
  std::string iban;
  std::optional<std::string> bic;
  csv::Date signed_on;
  std::optional<MandateKind> kind;  // nullopt: the file has no type column
};

// In the order of kChanges.
enum class Change { insert, update, amend, replace, unchanged };

struct Planned {
  const MandateRow* row = nullptr;
  Change change = Change::unchanged;
  const Mandate* before = nullptr;  // null for an insert
};

csv::ReadOptions read_options() {
  csv::ReadOptions options;
  for (const char* column : {"mandate_id", "household_id", "name", "iban", "bic", "signed_on"}) {
    options.columns.push_back({column, true});
  }
  options.columns.push_back({std::string(kTypeColumn), false});
  return options;
}

std::string in_quotes(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

Result<std::string> reference_of(const csv::Record& record) {
  std::string_view text = record.text("mandate_id");
  if (text.empty()) return record.error("mandate_id", "is empty");
  if (!is_mandate_reference(text)) {
    return record.error("mandate_id", in_quotes(text) +
                                          " is not a mandate reference (1 to 35 of A-Z a-z 0-9 "
                                          "+ ? / - : ( ) . , ' without space, not starting or "
                                          "ending with /, without //)");
  }
  return std::string(text);
}

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const std::size_t length = utf8_sequence_length(text, i);
    i += length == 0 ? 1 : length;
  }
  return count;
}

// Personal data: the errors never quote it.
Result<std::string> name_of(const csv::Record& record) {
  std::string_view text = csv::without_formula_guard(record.text("name"));
  if (text.empty()) return record.error("name", "is empty");
  if (text.front() == ' ' || text.back() == ' ') {
    return record.error("name", "starts or ends with a space");
  }
  if (characters(text) > kMaxNameCharacters) {
    return record.error("name", "is longer than " + std::to_string(kMaxNameCharacters) +
                                    " characters (the SEPA limit for a name)");
  }
  return std::string(text);
}

Result<std::string> iban_of(const csv::Record& record) {
  std::string_view text = record.text("iban");
  if (text.empty()) return record.error("iban", "is empty");
  auto iban = registry::normalize_iban(text);
  if (!iban) return record.error("iban", iban.error().message);
  return iban;
}

Result<std::optional<std::string>> bic_of(const csv::Record& record) {
  std::string_view text = record.text("bic");
  if (text.empty()) return std::optional<std::string>();
  auto bic = normalize_bic(text);
  if (!bic) return record.error("bic", bic.error().message);
  return std::optional<std::string>(std::move(bic.value()));
}

Result<std::optional<MandateKind>> kind_of(const csv::Record& record) {
  if (!record.has(kTypeColumn)) return std::optional<MandateKind>();
  auto word = registry::detail::one_of(record, kTypeColumn, {"recurrent", "one_off"});
  if (!word) return word.error();
  auto kind = parse_mandate_kind(*word);
  if (!kind) return kind.error();
  return std::optional<MandateKind>(*kind);
}

std::optional<MandateRow> read_row(const csv::Record& record, Problems& problems) {
  auto reference = problems.take(reference_of(record));
  auto household = problems.take(registry::detail::identifier(record, "household_id"));
  auto name = problems.take(name_of(record));
  auto iban = problems.take(iban_of(record));
  auto bic = problems.take(bic_of(record));
  auto signed_on = problems.take(record.date("signed_on"));
  auto kind = problems.take(kind_of(record));
  if (!reference || !household || !name || !iban || !bic || !signed_on || !kind) {
    return std::nullopt;
  }
  MandateRow row;
  row.line = record.line();
  row.mandate_id = std::move(*reference);
  row.household_id = std::move(*household);
  row.name = std::move(*name);
  row.iban = std::move(*iban);
  row.bic = std::move(*bic);
  row.signed_on = signed_on.value_or(csv::Date{});
  row.kind = *kind;
  return row;
}

// Which households of the caisse hold or held each reference of the file.
Result<std::multimap<std::string, std::string>> reference_holders(
    store::PgConnection& db, std::string_view caisse_id, const std::vector<MandateRow>& rows) {
  std::vector<std::string> references;
  for (const auto& row : rows) references.push_back(row.mandate_id);
  auto held = db.exec_params(
      "SELECT mandate_id, household_id FROM collection_mandates"
      " WHERE caisse_id = $1 AND mandate_id = ANY($2::text[])"
      " UNION SELECT original_mandate_id, household_id FROM collection_mandate_history"
      " WHERE caisse_id = $1 AND original_mandate_id = ANY($2::text[])",
      {std::string(caisse_id), store::text_array(references)});
  if (!held) return held.error();
  std::multimap<std::string, std::string> holders;
  for (int r = 0; r < held->rows(); ++r) {
    holders.emplace(std::string(held->get(r, 0)), std::string(held->get(r, 1)));
  }
  return holders;
}

class Planner {
 public:
  Planner(std::string file, Problems& problems) : file_(std::move(file)), problems_(problems) {}

  std::optional<Change> plan(const MandateRow& row, const Mandate* before) {
    if (before == nullptr) return Change::insert;
    const bool same_reference = row.mandate_id == before->mandate_id;
    const bool same_signature = row.signed_on == before->signed_on;
    const bool same_iban = row.iban == before->iban;
    if (same_reference && !same_signature) {
      refuse(row, "signed_on",
             "mandate " + in_quotes(row.mandate_id) + " of household " +
                 in_quotes(row.household_id) + " was signed on " +
                 csv::format_date(before->signed_on) +
                 "; a signature date never changes (a new mandate has a new "
                 "reference)");
      return std::nullopt;
    }
    if (!same_reference && !same_signature) return Change::replace;
    if (row.kind && *row.kind != before->kind) {
      refuse(row, std::string(kTypeColumn),
             "mandate " + in_quotes(before->mandate_id) + " is " +
                 std::string(to_string(before->kind)) +
                 "; its type never changes (a new mandate has a new reference)");
      return std::nullopt;
    }
    if (same_reference && same_iban) {
      const bool same_details =
          row.name == before->debtor_name && row.bic.value_or("") == before->bic;
      return same_details ? Change::unchanged : Change::update;
    }
    if (before->status == MandateStatus::revoked || before->status == MandateStatus::lapsed) {
      refuse(row, same_reference ? "iban" : "mandate_id",
             "mandate " + in_quotes(before->mandate_id) + " of household " +
                 in_quotes(row.household_id) + " is " + std::string(to_string(before->status)) +
                 ": it cannot be amended; a new mandate (new reference and signature date) "
                 "replaces it");
      return std::nullopt;
    }
    return Change::amend;
  }

 private:
  void refuse(const MandateRow& row, const std::string& column, const std::string& message) {
    problems_.add(file_ + ":" + std::to_string(row.line) + ": column " + column + ": " + message);
  }

  std::string file_;
  Problems& problems_;
};

constexpr const char* kInsert = R"sql(
INSERT INTO collection_mandates
    (caisse_id, household_id, mandate_id, kind, debtor_name, iban, bic, signed_on)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date)
)sql";

constexpr const char* kUpdate = R"sql(
UPDATE collection_mandates SET debtor_name = $5, bic = $7, updated_at = now()
 WHERE caisse_id = $1 AND household_id = $2 AND mandate_id = $3 AND kind = $4 AND iban = $6
   AND signed_on = $8::date
)sql";

// A new IBAN is the member's answer to "account closed": the mandate is collectable again.
constexpr const char* kAmend = R"sql(
WITH recorded AS (
  INSERT INTO collection_mandate_history
      (caisse_id, household_id, kind, original_mandate_id, original_iban)
  SELECT caisse_id, household_id, 'amendment',
         NULLIF(mandate_id, $3::text), NULLIF(iban, $6)
    FROM collection_mandates WHERE caisse_id = $1 AND household_id = $2)
UPDATE collection_mandates
   SET mandate_id = $3, debtor_name = $5, iban = $6, bic = $7,
       status = CASE WHEN status = 'needs_bank_details' AND iban <> $6 THEN 'active'
                     ELSE status END,
       status_reason = CASE WHEN status = 'needs_bank_details' AND iban <> $6 THEN NULL
                            ELSE status_reason END,
       updated_at = now()
 WHERE caisse_id = $1 AND household_id = $2 AND kind = $4 AND signed_on = $8::date
)sql";

constexpr const char* kReplace = R"sql(
WITH recorded AS (
  INSERT INTO collection_mandate_history
      (caisse_id, household_id, kind, original_mandate_id, original_iban)
  SELECT caisse_id, household_id, 'replacement', mandate_id, NULLIF(iban, $6)
    FROM collection_mandates WHERE caisse_id = $1 AND household_id = $2)
UPDATE collection_mandates
   SET mandate_id = $3, kind = $4, debtor_name = $5, iban = $6, bic = $7, signed_on = $8::date,
       status = 'active', status_reason = NULL, last_collected_on = NULL,
       first_collection_done = false, updated_at = now()
 WHERE caisse_id = $1 AND household_id = $2
)sql";

// What each change writes (nullptr: nothing) and which count of the report it adds to.
struct ChangeSpec {
  Change change;
  const char* sql;
  std::size_t MandateImportReport::*counter;
};
constexpr std::array<ChangeSpec, 5> kChanges = {{
    {Change::insert, kInsert, &MandateImportReport::inserted},
    {Change::update, kUpdate, &MandateImportReport::updated},
    {Change::amend, kAmend, &MandateImportReport::amended},
    {Change::replace, kReplace, &MandateImportReport::replaced},
    {Change::unchanged, nullptr, &MandateImportReport::unchanged},
}};

Result<void> write(store::PgConnection& db, std::string_view caisse_id, const Planned& planned,
                   MandateImportReport& report) {
  const MandateRow& row = *planned.row;
  const ChangeSpec& spec = kChanges[static_cast<std::size_t>(planned.change)];
  ++(report.*spec.counter);
  if (spec.sql == nullptr) return {};
  const MandateKind kind = row.kind.value_or(
      planned.before != nullptr && planned.change != Change::replace ? planned.before->kind
                                                                     : MandateKind::recurrent);
  auto done = db.exec_params(spec.sql, {std::string(caisse_id), row.household_id, row.mandate_id,
                                        std::string(to_string(kind)), row.name, row.iban, row.bic,
                                        csv::format_date(row.signed_on)});
  if (!done) return done.error();
  if (planned.change != Change::insert && done->affected_rows() != 1) {
    return make_error("the mandate of household \"" + row.household_id +
                      "\" changed while the file was imported");
  }
  return {};
}

}  // namespace

Result<MandateImportReport> import_mandates(store::PgConnection& db, std::string_view caisse_id,
                                            std::string_view file_name, std::string_view bytes) {
  auto table = csv::read_csv(file_name, bytes, read_options());
  if (!table) return table.error();
  auto transaction = detail::begin_locked(db, caisse_id);
  if (!transaction) return transaction.error();

  Problems problems;
  std::vector<MandateRow> rows;
  std::map<std::string, std::size_t> first_household;
  std::map<std::string, std::size_t> first_reference;
  registry::detail::References households("registry_households", "household_id", "household",
                                          "import the households first");
  for (const auto& record : table->records) {
    bool fresh = registry::detail::first_seen(record, "household_id", first_household, problems);
    fresh = registry::detail::first_seen(record, "mandate_id", first_reference, problems) && fresh;
    households.note(record);
    auto row = read_row(record, problems);
    if (row && fresh) rows.push_back(std::move(*row));
  }
  auto known = households.check(db, caisse_id, *table, problems);
  if (!known) return known.error();
  std::erase_if(rows, [&](const MandateRow& row) { return known->count(row.household_id) == 0; });

  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.household_id);
  auto recorded = mandates_of(db, caisse_id, ids);
  if (!recorded) return recorded.error();
  auto holders = reference_holders(db, caisse_id, rows);
  if (!holders) return holders.error();

  Planner planner(table->header->file, problems);
  std::vector<Planned> plans;
  for (const auto& row : rows) {
    auto [first, last] = holders->equal_range(row.mandate_id);
    for (auto it = first; it != last; ++it) {
      if (it->second == row.household_id) continue;
      problems.add(table->header->file + ":" + std::to_string(row.line) +
                   ": column mandate_id: " + in_quotes(row.mandate_id) +
                   " is (or was) the reference of the mandate of household " +
                   in_quotes(it->second) + "; a reference names one mandate");
    }
    auto found = recorded->find(row.household_id);
    const Mandate* before = found == recorded->end() ? nullptr : &found->second;
    if (auto change = planner.plan(row, before)) plans.push_back({&row, *change, before});
  }
  if (!problems.empty()) return problems.error();

  MandateImportReport report;
  report.file_lines = table->records.size();
  for (const auto& planned : plans) {
    if (auto written = write(db, caisse_id, planned, report); !written) return written.error();
  }
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return report;
}

}  // namespace caisse::host::collection
