// `caissectl ledger check`: re-verifies a caisse's book from its stored lines, trusting neither
// the API that wrote them nor the running balances. docs/ledger.md explains how to read it.
//
// With the sign convention of chart.hpp (debit > 0, credit < 0; Σ(X) is the sum of every line
// of this caisse on accounts of kind X, in the currency checked):
//
//   entries_balance     for each entry e, each currency c:  Σ amount(lines of e in c) = 0,
//                       and e has at least two lines.
//   euros_received      for each euro-side currency (EUR):
//                         Σ(bank) = -Σ(contributions) - Σ(grant) - Σ(reconversion_payouts)
//                       i.e. euros on the bank = contributions + co-funding - reconversions paid.
//   currency_issued     for each currency-side currency (MONA):
//                         -Σ(currency_issued) = Σ(member_balances) + Σ(merchant_balances)
//                                               + Σ(merchant_reconversions)
//                       i.e. currency issued = member + merchant balances + reconverted.
//   running_balances    for each account a: ledger_account_balances(a) = Σ amount(lines of a).
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::ledger {

struct InvariantResult {
  std::string name;      // "entries_balance", "euros_received", "currency_issued",
                         // "running_balances"
  std::string currency;  // the currency checked; empty for the per-entry and per-account checks
  std::string formula;   // as in the comment above
  std::string expected;  // "710.00 EUR", "0 unbalanced entries"
  std::string actual;
  // The amounts behind expected/actual, in minor units, for the money invariants.
  std::optional<std::int64_t> expected_minor;
  std::optional<std::int64_t> actual_minor;
  bool ok = false;
  // The terms of the formula, or the entries/accounts at fault (at most 20, then a count).
  std::vector<std::string> details;
};

struct InvariantReport {
  std::string caisse_id;
  std::vector<InvariantResult> invariants;

  bool ok() const {
    for (const auto& invariant : invariants) {
      if (!invariant.ok) return false;
    }
    return true;
  }
};

// Checks every invariant of the caisse's book, all from one snapshot: called outside a
// transaction it opens a read-only repeatable-read one and rolls it back; inside the caller's
// transaction it reads what that transaction sees (its own uncommitted postings included). An
// error only when the database cannot be read; a broken book is a report with FAILED lines.
Result<InvariantReport> check_invariants(store::PgConnection& db, std::string_view caisse_id);

// One block per invariant, "[OK]" or "[FAILED]", then a last line "result: OK" or
// "result: FAILED (n of m invariants failed)".
std::string render_text(const InvariantReport& report);

// {"caisse", "ok", "invariants": [{"name", "currency", "formula", "expected", "actual",
//  "expected_minor", "actual_minor", "status": "OK"|"FAILED", "details": [...]}]}
boost::json::object to_json(const InvariantReport& report);

}  // namespace caisse::host::ledger
