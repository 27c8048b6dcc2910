// The JSON of a monthly cycle as the admin API answers it (docs/admin-api.md): the summary of
// GET .../cycles/{month}, and the money in and money out of its report. The cycle routes and the
// dashboard (dashboard_routes.hpp) both answer with these, so that the dashboard's numbers are
// the report's, not a copy that could drift.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "cycle/allocation_cycle.hpp"
#include "ledger/balances.hpp"

namespace caisse::host::daemon {

// {"kind","caisse","month","state","currency","minor_unit",...,"lines":{status:{count,
// amount_minor}}}: every status present, 0 when none.
boost::json::object cycle_summary_object(const cycle::CycleSummary& summary, int minor_unit);

// The same, serialised.
std::string cycle_summary_json(const cycle::CycleSummary& summary, int minor_unit);

// Euros received during the month: [{"source":"contributions","funder":null,"currency",
// "amount_minor"}, then {"source":"grant","funder":id,...} for each funder].
boost::json::array money_in_array(const ledger::MoneyIn& in);

// What the cycle credited: the amount of its SUCCEEDED lines, the ones the currency backend
// confirmed.
std::int64_t credited_minor(const cycle::CycleSummary& summary);

// What the month's cycle credited (credited_minor): [{"kind":"allocations" or "bonuses",
// "currency","amount_minor"}].
boost::json::array money_out_array(const cycle::CycleSummary& summary);

// A bonus cycle's lateness as the summary and /api/v1/status show it: null when not late.
boost::json::value lateness_json(const std::optional<cycle::Lateness>& late);

}  // namespace caisse::host::daemon
