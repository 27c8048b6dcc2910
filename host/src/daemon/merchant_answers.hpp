// The JSON the merchant and purchase routes answer (docs/admin-api.md, "Merchants and
// purchases"). Amounts are integers in minor units, with the caisse's currency and minor_unit.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <vector>

#include "config/daemon_config.hpp"
#include "core/month.hpp"
#include "merchants/merchant_sync.hpp"
#include "merchants/period.hpp"
#include "merchants/purchase_import.hpp"
#include "merchants/purchase_report.hpp"

namespace caisse::host::daemon {

// [{"instance","status","merchants","message"}]: what each currency instance did with the list.
boost::json::array sync_outcomes_json(const std::vector<merchants::SyncOutcome>& outcomes);

// {"caisse","from","to","instances":[{"instance","status","listed","new","already_known",
// "resolved","message"}]}; the counts are null for an instance that is not ok.
boost::json::object purchase_import_json(
    const config::CaisseConfig& caisse, const merchants::Period& period,
    const std::vector<merchants::PurchaseImportOutcome>& outcomes);

// {"caisse","month","currency","minor_unit","totals","merchants","flagged"}.
boost::json::object purchase_report_json(const config::CaisseConfig& caisse, Month month,
                                         const merchants::PurchaseReport& report);

}  // namespace caisse::host::daemon
