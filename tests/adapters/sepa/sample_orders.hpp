// Batches of debits and transfers for the writer tests, with the strings they view kept alive:
// a deterministic month (accents, amended mandates, the smallest and largest amounts) and
// seeded random ones.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "caisse_account.hpp"
#include "payment_orders.hpp"

namespace caisse::adapters::sepa::testing {

// A valid IBAN of `country` for `bban`, its check digits computed here (not by the adapter).
std::string test_iban(std::string_view country, std::string_view bban);

// The caisse of the tests (a French account and ICS, its BIC optional).
CaisseAccount test_caisse(bool with_bic = true);

// Strings the views of a batch point into, kept as long as the batch.
class KeptStrings {
 public:
  std::string_view keep(std::string text) { return strings_.emplace_back(std::move(text)); }

 private:
  std::deque<std::string> strings_;
};

struct DebitMonth : KeptStrings {
  std::vector<DirectDebit> debits;
  // Created 2026-11-24T10:00:00, collected 2026-12-05.
  DebitFile file(std::string_view message_id = "CAISSE-2026-11") const {
    return {message_id, "2026-11-24T10:00:00", "2026-12-05", debits};
  }
};

struct PayoutRun : KeptStrings {
  std::vector<CreditTransfer> transfers;
  // Created 2026-11-30T09:15:00+01:00, executed 2026-12-01.
  TransferFile file(std::string_view message_id = "PAYOUT-2026-11") const {
    return {message_id, "2026-11-30T09:15:00+01:00", "2026-12-01", transfers};
  }
};

// `count` debits: every fifth FRST, a few OOFF and FNAL, the rest RCUR; every 40th with an
// amended mandate reference or account; accented and over-long names; amounts 0.01, 12.34,
// 999.99 and up to 999 999 999.99; a third without a BIC.
DebitMonth sample_month(std::size_t count);
DebitMonth random_month(std::uint32_t seed);

PayoutRun sample_payouts(std::size_t count);
PayoutRun random_payouts(std::uint32_t seed);

}  // namespace caisse::adapters::sepa::testing
