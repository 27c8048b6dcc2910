// Money received, booked once: a row of registry_receipts and its ledger entry under the key
// "receipt/<reference>" (bank +x EUR; contributions -x, or grant:<funder> -x). The receipts CSV,
// bank statement reconciliation and payment provider notifications all record receipts here,
// so a contribution is booked the same way whichever road it came by.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config/caisse_file.hpp"
#include "core/result.hpp"
#include "ledger/date.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::registry {

struct NewReceipt {
  std::string reference;  // unique per caisse, [A-Za-z0-9_./:-]{1,100}
  ledger::Date date;
  std::optional<std::string> household_id;  // a contribution's household, or
  std::optional<std::string> funder_id;     // a grant's funder: exactly one of the two
  std::int64_t amount_minor = 0;            // EUR cents, > 0
  // Which euro account received it: "" for the caisse's bank account, "psp:<instance>" for
  // money a card provider holds until it pays out to the bank.
  std::string bank_account_key;
  std::string origin;  // the ledger entry's source: "registry:receipt/..", "statement:line 12"
};

struct RecordedReceipt {
  std::int64_t entry_id = 0;
  bool created = false;  // false: the same receipt was already recorded, nothing written
};

// `prefix` then `id` with every character a reference cannot hold replaced by '_', cut to the
// 100 characters a reference may have: receipt_reference("sepa/", "CAISSE 2026-11 h1").
std::string receipt_reference(std::string_view prefix, std::string_view id);

// What differs between a receipt as recorded (its date YYYY-MM-DD, household and funder ids, ""
// for none, amount) and `receipt`, "" when nothing does: `amount "12.00" recorded, "13.00" now`,
// `now` being what the caller calls the new content ("in the file").
std::string receipt_differences(std::string_view recorded_date, std::string_view household_id,
                                std::string_view funder_id, std::int64_t amount_minor,
                                const NewReceipt& receipt, std::string_view now = "now");

// Records and posts `receipt` on the caller's connection (inside the caller's transaction when
// it has one). Recording the same reference again with the same content writes nothing; with
// other content it is an error naming what differs.
Result<RecordedReceipt> record_receipt(store::PgConnection& db, const config::CaisseConfig& caisse,
                                       const NewReceipt& receipt);

// Cancels the receipt `reference` (a direct debit returned, a card payment refunded): posts the
// reversal of its entry under "receipt-reversal/<reference>" and marks the receipt reversed.
// Reversing one already reversed writes nothing. NOT_FOUND kind when there is no such receipt.
Result<RecordedReceipt> reverse_receipt(store::PgConnection& db, const config::CaisseConfig& caisse,
                                        const std::string& reference, ledger::Date date,
                                        const std::string& why);

}  // namespace caisse::host::registry
