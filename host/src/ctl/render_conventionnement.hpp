// Human-readable text for the answers of the conventionnement routes (shapes in
// docs/admin-api.md, "Conventionnement"). Pure; never throws (answer_fields.hpp). Merchants are
// businesses and are named; evaluators are shown by the ids the evaluation file gives them,
// and who recorded a decision (a token's name) is left to --json.
#pragma once

#include <boost/json/value.hpp>

#include <string>

#include "ctl/command_line.hpp"

namespace caisse::host::ctl {

// GET …/merchants: MERCHANT KIND STANDING MAY_BE_PAID ONBOARDING NAME, ONBOARDING the steps
// still missing ("complete" when none).
std::string render_merchant_list(const boost::json::value& answer);

// GET …/merchants/{id}: identity, standing, onboarding, then the decisions, the evaluations
// with their scores (worked out again by the daemon from the stored grid version) and the
// history of the gate.
std::string render_merchant_detail(const boost::json::value& answer);

// GET …/merchants/report: the purchase report (render_purchase_report), then the overdue
// re-evaluations (MERCHANT NAME STANDING DECISION DUE_ON LAST_VISIT).
std::string render_merchant_report(const boost::json::value& answer);

// POST …/evaluations: recorded or recognised, and its score card.
std::string render_evaluation_record(const boost::json::value& answer);

// POST …/decisions: recorded or recognised, the gates it changed, and the push to the backends.
std::string render_decision_record(const boost::json::value& answer);

// A score as "44/84 points (52.3 %)": the per-mille as a percentage with one decimal, by digits.
std::string score_text(const boost::json::value& score);

// The renderer of a conventionnement command.
std::string render_conventionnement(Command command, const boost::json::value& answer);

}  // namespace caisse::host::ctl
