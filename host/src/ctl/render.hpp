// Human-readable text for each admin API answer (shapes in docs/admin-api.md); those of the
// merchant and purchase routes are in render_merchants.hpp. Pure functions;
// they never throw: a missing or oddly typed member prints as "-", so a newer or older daemon
// still gets a readable answer. Control characters in the daemon's strings (a plugin's error
// message) are replaced so they cannot drive the terminal.
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace caisse::host::ctl {

// GET /api/v1/status: version and ABI, uptime, database mode/reachability/schema version, each
// caisse (id and name), plugins loaded and failed.
std::string render_status(const boost::json::value& status);

// GET /api/v1/plugins: a table NAME STATUS VERSION ROLES ERROR.
std::string render_plugin_list(const boost::json::value& list);

// GET /api/v1/plugins/{name}: the summary, the config schema (NAME TYPE REQUIRED SECRET DEFAULT
// DESCRIPTION) and the instances (CAISSE INSTANCE STATUS ERROR).
std::string render_plugin_detail(const boost::json::value& plugin);

// A cycle summary (GET /api/v1/caisses/{caisse}/cycles/{month}, and the answer of every cycle
// POST): the state, the total and household count, the rule, who computed and approved it and
// when, the funds and any shortfall, then a table of lines by status (STATUS COUNT AMOUNT).
// Amounts are decimals with the summary's minor_unit, computed from the integers digit by digit.
std::string render_cycle_summary(const boost::json::value& summary);

// GET .../cycles/{month}/report: the summary as above, money in (SOURCE FUNDER AMOUNT), money out
// (KIND AMOUNT), then every line (HOUSEHOLD AMOUNT STATUS REFERENCE MESSAGE).
std::string render_cycle_report(const boost::json::value& report);

// POST /api/v1/caisses/{caisse}/imports/{kind}: lines in the file, inserted, updated, unchanged;
// for merchants, what each currency instance did with the new list (render_merchants.hpp).
std::string render_import(const boost::json::value& result);

// GET /api/v1/caisses/{caisse}/ledger/check: OK or FAILED, then each invariant (RESULT INVARIANT
// EXPECTED_MINOR ACTUAL_MINOR DETAIL).
std::string render_ledger_check(const boost::json::value& check);

// GET /api/v1/caisses/{caisse}/contribution-suggestion: the amount a month, then the rule.
std::string render_contribution_suggestion(const boost::json::value& suggestion);

// 45 -> "45s", 185 -> "3m 05s", 7390 -> "2h 03m 10s", 180000 -> "2d 02h 00m".
std::string format_uptime(std::int64_t seconds);

// Rows as aligned columns two spaces apart (widths in UTF-8 characters), each row indented by
// `indent` spaces. Columns listed in `right_aligned` (amounts, counts) are padded on the left;
// the others on the right, except the last column, which is not padded.
std::string format_table(const std::vector<std::vector<std::string>>& rows, std::size_t indent,
                         const std::vector<std::size_t>& right_aligned = {});

}  // namespace caisse::host::ctl
