#include "ctl/render_conventionnement.hpp"

#include <vector>

#include "ctl/answer_fields.hpp"
#include "ctl/render.hpp"
#include "ctl/render_merchants.hpp"

namespace caisse::host::ctl {

namespace json = boost::json;
using namespace fields;  // NOLINT: the renderers read answers through these helpers

namespace {

using Rows = std::vector<std::vector<std::string>>;

// A member of an object the answer may lack, as text ("-" when it does).
std::string field(const json::value* object, std::string_view key) {
  return text(member(object, key));
}

// "<heading>: none\n", or the heading and the table (rows[0] is the header).
std::string section(const std::string& heading, const Rows& rows,
                    const std::vector<std::size_t>& right_aligned = {}) {
  if (rows.size() <= 1) return heading + ": none\n";
  return heading + ":\n" + format_table(rows, 2, right_aligned);
}

// The onboarding steps not done yet, "complete" when none, "-" when the answer does not say.
std::string missing_steps(const json::value& merchant) {
  const json::value* onboarding = member(merchant, "onboarding");
  if (onboarding == nullptr || !onboarding->is_object()) return "-";
  std::string missing;
  for (const char* step : {"account_opened", "documents_received", "qr_issued"}) {
    const json::value* done = member(onboarding, step);
    if (done != nullptr && done->is_bool() && !done->get_bool()) {
      missing += (missing.empty() ? "" : ",") + std::string(step);
    }
  }
  return missing.empty() ? "complete" : "missing " + missing;
}

// "instance=ref, ..." of a merchant's backend references.
std::string references(const json::value& merchant) {
  const json::value* refs = member(merchant, "refs");
  if (refs == nullptr || !refs->is_object() || refs->get_object().empty()) return "none";
  std::string out;
  for (const auto& [instance, ref] : refs->get_object()) {
    out += (out.empty() ? "" : ", ") + clean(instance) + "=" + text(&ref);
  }
  return out;
}

// "9/2/1" (in favour, against, abstaining), "-" for a consensus.
std::string votes_text(const json::value& decision) {
  const json::value* votes = member(decision, "votes");
  if (votes == nullptr) return "-";
  return text(*votes, "in_favour") + "/" + text(*votes, "against") + "/" +
         text(*votes, "abstaining");
}

std::string decisions_section(const json::value& answer) {
  Rows rows{{"ID", "DECIDED_ON", "DECISION", "METHOD", "VOTES", "VALID_FROM", "VALID_UNTIL",
             "NEXT_EVALUATION", "EVALUATIONS", "NOTE"}};
  if (const json::array* decisions = array_member(answer, "decisions")) {
    for (const auto& d : *decisions) {
      rows.push_back({text(d, "id"), text(d, "decided_on"), text(d, "decision"), text(d, "method"),
                      votes_text(d), text(d, "valid_from"), text(d, "valid_until"),
                      text(d, "next_evaluation_on"), text(d, "evaluation_ids"), text(d, "note")});
    }
  }
  return section("decisions (votes: in favour/against/abstaining)", rows, {0});
}

std::string evaluations_section(const json::value& answer) {
  Rows rows{{"ID", "DATE", "GRID", "VERSION", "EVALUATORS", "OUTCOME", "SCORE", "TIER"}};
  if (const json::array* evaluations = array_member(answer, "evaluations")) {
    for (const auto& e : *evaluations) {
      const json::value* score = member(e, "score");
      rows.push_back({text(e, "id"), text(e, "date"), text(e, "grid"), text(e, "grid_version"),
                      text(e, "evaluators"), field(score, "outcome"),
                      score != nullptr ? score_text(*score) : "-", field(score, "tier")});
    }
  }
  return section("evaluations (scored with their own grid version)", rows, {0});
}

std::string history_section(const json::value& answer) {
  Rows rows{{"CHANGED_AT", "MAY_BE_PAID", "STANDING", "ONBOARDED", "DECISION", "CAUSE"}};
  if (const json::array* history = array_member(answer, "history")) {
    for (const auto& h : *history) {
      rows.push_back({text(h, "changed_at"), text(h, "accredited"), text(h, "standing"),
                      text(h, "onboarded"), text(h, "decision_id"), text(h, "cause")});
    }
  }
  return section("history of the gate", rows);
}

// Whether the answer says true; a missing or odd member counts as false.
bool is_true(const json::value* v) {
  return v != nullptr && v->is_bool() && v->get_bool();
}

}  // namespace

std::string score_text(const json::value& score) {
  std::string out = text(score, "points") + "/" + text(score, "max_points") + " points";
  if (auto permille = integer(member(score, "share_permille")); permille && *permille >= 0) {
    out += " (" + std::to_string(*permille / 10) + "." + std::to_string(*permille % 10) + " %)";
  }
  return out;
}

std::string render_merchant_list(const json::value& answer) {
  Rows rows{{"MERCHANT", "KIND", "STANDING", "MAY_BE_PAID", "ONBOARDING", "NAME"}};
  if (const json::array* merchants = array_member(answer, "merchants")) {
    for (const auto& m : *merchants) {
      rows.push_back({text(m, "merchant_id"), text(m, "kind"), text(m, "standing"),
                      text(m, "accredited"), missing_steps(m), text(m, "name")});
    }
  }
  return section("merchants of " + text(answer, "caisse"), rows);
}

std::string render_merchant_detail(const json::value& answer) {
  const json::value* m = member(answer, "merchant");
  std::string out = "merchant " + field(m, "merchant_id") + ": " + field(m, "name") + " (" +
                    field(m, "kind") + "), location: " + field(m, "location") + "\n";
  out += "standing: " + field(m, "standing") + "; may be paid: " + field(m, "accredited") +
         "; bonus: " + field(m, "bonus") + "\n";
  if (m != nullptr) {
    out += "onboarding: " + missing_steps(*m) + "\nreferences: " + references(*m) + "\n";
  }
  return out + decisions_section(answer) + evaluations_section(answer) + history_section(answer);
}

std::string render_merchant_report(const json::value& answer) {
  std::string out =
      "merchant report of " + text(answer, "caisse") + " (today " + text(answer, "today") + ")\n";
  if (const json::value* purchases = member(answer, "purchases")) {
    out += render_purchase_report(*purchases);
  }
  Rows rows{{"MERCHANT", "NAME", "STANDING", "DECISION", "DUE_ON", "LAST_VISIT"}};
  if (const json::array* overdue = array_member(answer, "overdue_evaluations")) {
    for (const auto& o : *overdue) {
      rows.push_back({text(o, "merchant_id"), text(o, "name"), text(o, "standing"),
                      text(o, "decision_id"), text(o, "next_evaluation_on"),
                      text(o, "last_evaluated_on")});
    }
  }
  return out + section("re-evaluations overdue", rows);
}

std::string render_evaluation_record(const json::value& answer) {
  const json::value* e = member(answer, "evaluation");
  const bool fresh = is_true(member(answer, "recorded"));
  const json::value* score = member(e, "score");
  std::string out = "evaluation " + field(e, "id") +
                    (fresh ? " recorded" : " was already recorded (the same file)") +
                    ": merchant " + field(e, "merchant_id") + ", " + field(e, "date") + ", grid " +
                    field(e, "grid") + " " + field(e, "grid_version") + ", evaluators " +
                    field(e, "evaluators") + "\n";
  out +=
      "outcome: " + field(score, "outcome") + ", " + (score != nullptr ? score_text(*score) : "-");
  if (const std::string tier = field(score, "tier"); tier != "-" && !tier.empty()) {
    out += ", tier " + tier;
  }
  out += "\n";
  Rows rows{{"CATEGORY", "POINTS", "MAX_POINTS", "MET", "ANSWERED"}};
  if (const json::array* categories = score ? array_member(*score, "categories") : nullptr) {
    for (const auto& c : *categories) {
      rows.push_back({text(c, "id"), text(c, "points"), text(c, "max_points"), text(c, "met"),
                      text(c, "answered")});
    }
  }
  out += section("categories", rows, {1, 2, 3, 4});
  if (const json::array* reasons = score ? array_member(*score, "reasons") : nullptr) {
    for (const auto& reason : *reasons) out += "  - " + text(&reason) + "\n";
  }
  return out;
}

std::string render_decision_record(const json::value& answer) {
  const bool fresh = is_true(member(answer, "recorded"));
  std::string out = "decision " + text(answer, "decision_id") +
                    (fresh ? " recorded\n" : " was already recorded (the same decision)\n");
  Rows rows{{"MERCHANT", "MAY_BE_PAID", "GATE_FLIPPED", "STANDING", "ONBOARDED"}};
  if (const json::array* changes = array_member(answer, "changes")) {
    for (const auto& c : *changes) {
      rows.push_back({text(c, "merchant_id"), text(c, "accredited"), text(c, "gate_flipped"),
                      text(c, "standing"), text(c, "onboarded")});
    }
  }
  return out + section("merchants changed", rows) + render_import_sync(answer);
}

std::string render_conventionnement(Command command, const json::value& answer) {
  switch (command) {
    case Command::merchant_list:
      return render_merchant_list(answer);
    case Command::merchant_show:
      return render_merchant_detail(answer);
    case Command::merchant_report:
      return render_merchant_report(answer);
    case Command::evaluation_record:
      return render_evaluation_record(answer);
    case Command::decision_record:
      return render_decision_record(answer);
    default:
      return {};
  }
}

}  // namespace caisse::host::ctl
