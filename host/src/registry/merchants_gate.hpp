// The payment gate of a caisse's merchants (docs/conventionnement.md): a merchant may receive
// the currency while the committee accredits it *and* its onboarding is complete. The committee's
// side is the decision in force (host/migrations/0013_conventionnement.sql, merchant_standings),
// or, for a merchant without one, merchants.csv's `accredited` column. The gate is kept in
// registry_merchants.accredited, which everything that pays or judges purchases reads, and every
// change of it is appended to merchant_gate_history.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::registry {

// A merchant whose gate, standing or onboarding changed (or that appears for the first time).
struct GateChange {
  std::string merchant_id;
  bool accredited = false;    // the gate now
  bool gate_flipped = false;  // accredited took another value: the backends must hear it
  std::string standing;       // accredited, expired, suspended, refused, not_accredited
  bool onboarded = false;
};

// Brings registry_merchants.accredited of every merchant of the caisse up to `day` ("YYYY-MM-DD";
// nullopt: the database's current_date), records each change in the history with `cause`
// ("merchants.csv", "decision 12", "refresh"), and returns the changes by merchant id.
// Run it inside the transaction that changed a decision, a file or a step; run it on its own to
// let a decision start or expire.
Result<std::vector<GateChange>> refresh_merchant_gates(store::PgConnection& db,
                                                       std::string_view caisse_id,
                                                       const std::optional<std::string>& day,
                                                       std::string_view cause);

// Whether any change flipped a gate (and so must be pushed to the currency backends).
bool any_gate_flipped(const std::vector<GateChange>& changes);

}  // namespace caisse::host::registry
