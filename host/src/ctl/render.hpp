// Human-readable text for each admin API answer (shapes in docs/admin-api.md). Pure functions;
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

// 45 -> "45s", 185 -> "3m 05s", 7390 -> "2h 03m 10s", 180000 -> "2d 02h 00m".
std::string format_uptime(std::int64_t seconds);

// Rows as aligned columns two spaces apart (widths in UTF-8 characters), each row indented by
// `indent` spaces; the last column is not padded.
std::string format_table(const std::vector<std::vector<std::string>>& rows, std::size_t indent);

}  // namespace caisse::host::ctl
