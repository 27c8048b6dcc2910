// A merchant's accreditation history as the committee and auditors read it: every value its
// payment gate, standing and onboarding took, with the cause (a merchants.csv file, a decision,
// a decision starting or expiring), oldest first. Decisions themselves are in decisions.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

struct GateEvent {
  bool accredited = false;  // the gate: may receive the currency
  std::string standing;
  bool onboarded = false;
  std::optional<std::int64_t> decision_id;  // the decision in force then
  std::string cause;
  std::string changed_at;  // UTC, RFC 3339
};

Result<std::vector<GateEvent>> gate_history_of(store::PgConnection& db, std::string_view caisse_id,
                                               std::string_view merchant_id);

}  // namespace caisse::host::merchants
