// The JSON the conventionnement routes answer (docs/admin-api.md, "Conventionnement"): merchants
// with their standing, onboarding and gate; evaluations with the score recomputed from the stored
// answers and grid version; decisions; gate changes; the overdue re-evaluations.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <vector>

#include "merchants/decisions.hpp"
#include "merchants/evaluation_store.hpp"
#include "merchants/gate_history.hpp"
#include "merchants/overdue_evaluations.hpp"
#include "registry/merchants.hpp"
#include "registry/merchants_gate.hpp"

namespace caisse::host::daemon {

// {"merchant_id","name","kind","location","standing","accredited","bonus","onboarding":
// {"account_opened","documents_received","qr_issued","complete"},"refs":{instance: ref}}.
boost::json::object merchant_json(const registry::MerchantEntry& merchant);

// {"id","merchant_id","grid","grid_version","grid_digest","date","evaluators","comment",
// "recorded_at","answers":[{"criterion","score","comment"}],"score":{…}}; score null is "n/a".
boost::json::object evaluation_json(const merchants::RecordedEvaluation& evaluation);

boost::json::object decision_json(const merchants::Decision& decision);

// [{"merchant_id","accredited","gate_flipped","standing","onboarded"}].
boost::json::array gate_changes_json(const std::vector<registry::GateChange>& changes);

boost::json::array gate_history_json(const std::vector<merchants::GateEvent>& history);

boost::json::array overdue_json(const std::vector<merchants::OverdueEvaluation>& overdue);

}  // namespace caisse::host::daemon
