// What the purchase routes are asked, parsed and checked before any work is posted (pure):
//   POST …/purchases/import   body {"from":"2026-11-01","to":"2026-12-01"}: UTC days, `to`
//                             excluded, at most 31 days (a month's listing is held in memory
//                             while it is stored; import a longer span month by month)
//   GET  …/purchases          query month=YYYY-MM
// Errors are ErrorKind::invalid (422) and name the member or field at fault.
#pragma once

#include <string_view>

#include "core/month.hpp"
#include "core/result.hpp"
#include "merchants/period.hpp"

namespace caisse::host::daemon {

inline constexpr int kMaxPurchasePeriodDays = 31;

Result<merchants::Period> parse_purchase_period(std::string_view json_body);

Result<Month> parse_report_month(std::string_view query);

}  // namespace caisse::host::daemon
