// Human-readable text for the answers of the merchant and purchase routes (shapes in
// docs/admin-api.md, "Merchants and purchases"). Pure; never throws (answer_fields.hpp).
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace caisse::host::ctl {

// POST …/merchants/sync: a table INSTANCE STATUS MERCHANTS MESSAGE.
std::string render_merchant_sync(const boost::json::value& answer);

// The "sync" member of a merchants import: what each instance did with the new list, or that
// the file changed nothing and nothing was pushed; "" when the answer has no "sync".
std::string render_import_sync(const boost::json::value& answer);

// POST …/purchases/import: the period, then INSTANCE STATUS LISTED NEW ALREADY_KNOWN RESOLVED
// MESSAGE.
std::string render_purchase_import(const boost::json::value& answer);

// GET …/purchases?month=: the totals, a table per merchant (MERCHANT NAME PURCHASES AMOUNT
// HOUSEHOLDS FLAGGED), then every flagged purchase (PAID_AT INSTANCE REFERENCE HOUSEHOLD
// MERCHANT AMOUNT REASON).
std::string render_purchase_report(const boost::json::value& answer);

// Whether a currency instance of the answer ("instances", or an import's "sync") has status
// "error": caissectl then exits 1 so that a script notices.
bool some_instance_failed(const boost::json::value& answer);

}  // namespace caisse::host::ctl
