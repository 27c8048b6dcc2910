#include "ctl/render.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "ctl/answer_fields.hpp"
#include "ctl/render_merchants.hpp"

namespace caisse::host::ctl {

namespace json = boost::json;
using namespace fields;  // NOLINT: the renderers read answers through these helpers

namespace {

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (char c : s) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

}  // namespace

std::string format_uptime(std::int64_t seconds) {
  if (seconds < 0) seconds = 0;
  std::int64_t d = seconds / 86400;
  std::int64_t h = seconds % 86400 / 3600;
  std::int64_t m = seconds % 3600 / 60;
  std::int64_t s = seconds % 60;
  char buffer[64];
  if (d > 0) {
    std::snprintf(buffer, sizeof buffer, "%lldd %02lldh %02lldm", static_cast<long long>(d),
                  static_cast<long long>(h), static_cast<long long>(m));
  } else if (h > 0) {
    std::snprintf(buffer, sizeof buffer, "%lldh %02lldm %02llds", static_cast<long long>(h),
                  static_cast<long long>(m), static_cast<long long>(s));
  } else if (m > 0) {
    std::snprintf(buffer, sizeof buffer, "%lldm %02llds", static_cast<long long>(m),
                  static_cast<long long>(s));
  } else {
    std::snprintf(buffer, sizeof buffer, "%llds", static_cast<long long>(s));
  }
  return buffer;
}

std::string format_table(const std::vector<std::vector<std::string>>& rows, std::size_t indent,
                         const std::vector<std::size_t>& right_aligned) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    if (row.size() > widths.size()) widths.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line(indent, ' ');
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::size_t padding = widths[c] - display_width(row[c]);
      bool right = std::find(right_aligned.begin(), right_aligned.end(), c) != right_aligned.end();
      if (right) line.append(padding, ' ');
      line += row[c];
      if (c + 1 < row.size()) line.append((right ? 0 : padding) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  }
  return out;
}

std::string render_status(const json::value& status) {
  std::string out = "caissed " + text(status, "version");
  const json::value* abi = member(status, "sdk_abi");
  if (abi != nullptr)
    out += " (plugin ABI " + text(member(abi, "major")) + "." + text(member(abi, "minor")) + ")";
  const json::value* uptime = member(status, "uptime_seconds");
  if (uptime != nullptr && uptime->is_number()) {
    boost::system::error_code ec;
    auto seconds = uptime->to_number<std::int64_t>(ec);
    if (!ec) out += ", up " + format_uptime(seconds);
  }
  out += '\n';

  const json::value* database = member(status, "database");
  const json::value* reachable = member(database, "reachable");
  std::string reach = "-";
  if (reachable != nullptr && reachable->is_bool()) {
    reach = reachable->get_bool() ? "reachable" : "UNREACHABLE";
  }
  out += "database: " + text(member(database, "mode")) + ", " + reach + ", schema version " +
         text(member(database, "schema_version")) + '\n';

  const json::array* caisses = array_member(status, "caisses");
  if (caisses == nullptr || caisses->empty()) {
    out += "caisses: none\n";
  } else {
    out += "caisses:\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : *caisses) rows.push_back({text(c, "id"), text(c, "name")});
    out += format_table(rows, 2);
  }

  const json::value* plugins = member(status, "plugins");
  out += "plugins: " + text(member(plugins, "loaded")) + " loaded, " +
         text(member(plugins, "failed")) + " failed\n";
  return out;
}

std::string render_plugin_list(const json::value& list) {
  const json::array* plugins = array_member(list, "plugins");
  if (plugins == nullptr || plugins->empty()) return "no plugins configured\n";
  std::vector<std::vector<std::string>> rows{{"NAME", "STATUS", "VERSION", "ROLES", "ERROR"}};
  for (const auto& p : *plugins) {
    rows.push_back({text(p, "name"), text(p, "status"), text(p, "version"), text(p, "roles"),
                    text(p, "error")});
  }
  return format_table(rows, 0);
}

std::string render_plugin_detail(const json::value& plugin) {
  std::string out = text(plugin, "name");
  if (std::string version = text(plugin, "version"); version != "-") out += " " + version;
  out += ": " + text(plugin, "status") + '\n';
  std::vector<std::vector<std::string>> summary{
      {"description", text(plugin, "description")},
      {"required", text(plugin, "required")},
      {"roles", text(plugin, "roles")},
      {"path", text(plugin, "path")},
      {"sha256", text(plugin, "sha256")},
  };
  if (const json::value* abi = member(plugin, "abi"); abi != nullptr && abi->is_object()) {
    summary.push_back({"abi", text(member(abi, "major")) + " (needs minor " +
                                  text(member(abi, "minor_required")) + " or later)"});
  } else {
    summary.push_back({"abi", "-"});
  }
  const json::value* error = member(plugin, "error");
  if (error != nullptr && !error->is_null()) summary.push_back({"error", text(error)});
  out += format_table(summary, 2);

  const json::value* config = member(plugin, "config");
  if (config == nullptr || !config->is_array()) {
    out += "\nconfig: unknown (the plugin is not loaded)\n";
  } else if (config->get_array().empty()) {
    out += "\nconfig: none\n";
  } else {
    out += "\nconfig:\n";
    std::vector<std::vector<std::string>> rows{
        {"NAME", "TYPE", "REQUIRED", "SECRET", "DEFAULT", "DESCRIPTION"}};
    for (const auto& f : config->get_array()) {
      rows.push_back({text(f, "name"), text(f, "type"), text(f, "required"), text(f, "secret"),
                      text(f, "default"), text(f, "description")});
    }
    out += format_table(rows, 2);
  }

  const json::array* instances = array_member(plugin, "instances");
  if (instances == nullptr || instances->empty()) {
    out += "\ninstances: none\n";
  } else {
    out += "\ninstances:\n";
    std::vector<std::vector<std::string>> rows{{"CAISSE", "INSTANCE", "STATUS", "ERROR"}};
    for (const auto& i : *instances) {
      rows.push_back({text(i, "caisse"), text(i, "instance"), text(i, "status"), text(i, "error")});
    }
    out += format_table(rows, 2);
  }
  return out;
}

namespace {

// The statuses of a cycle line, in the order they are printed (any other the daemon adds comes
// after them, in its order).
constexpr std::string_view kLineStatuses[] = {"NOT_SENT", "PENDING", "SUCCEEDED", "DECLINED",
                                              "UNKNOWN"};

std::string with_currency(const std::string& heading, const json::value& summary) {
  std::string currency = text(summary, "currency");
  return currency == "-" ? heading + ":\n" : heading + " (" + currency + "):\n";
}

}  // namespace

std::string render_cycle_summary(const json::value& summary) {
  const std::optional<int> unit = minor_unit_of(summary);
  const std::string currency = text(summary, "currency");
  const bool bonus = text(summary, "kind") == "bonus";
  std::string out = std::string(bonus ? "bonus cycle " : "cycle ") + text(summary, "month") +
                    " of " + text(summary, "caisse") + ": " + text(summary, "state") + '\n';
  out += "total " + amount(member(summary, "total_minor"), unit) + " " + currency + " for " +
         count_of(member(summary, "household_count"), "household") + '\n';
  out += "rule " + text(summary, "rule_version") + '\n';

  if (std::string by = text(summary, "computed_by"); by != "-") {
    out += "computed by " + by + " at " + text(summary, "computed_at") + '\n';
  } else {
    out += "not computed yet\n";
  }
  if (std::string by = text(summary, "approved_by"); by != "-") {
    out += "approved by " + by + " at " + text(summary, "approved_at") + '\n';
  } else {
    out += "not approved yet\n";
  }

  const json::value* funds = member(summary, "funds_minor");
  if (funds != nullptr && !funds->is_null()) {
    out += "funds " + amount(funds, unit) + " " + currency + '\n';
  }
  const json::value* shortfall = member(summary, "shortfall_minor");
  if (auto missing = integer(shortfall); missing && *missing > 0) {
    out += "shortfall " + amount(shortfall, unit) + " " + currency +
           ": the funds do not cover the total\n";
  }

  if (std::string due = text(summary, "due_on"); due != "-") out += "due on " + due + '\n';
  if (const json::value* late = member(summary, "late"); late != nullptr && late->is_object()) {
    out += "LATE: " + count_of(member(*late, "lines"), "line") + " (" +
           amount(member(*late, "amount_minor"), unit) + " " + currency + ") not paid " +
           text(*late, "days") + " day(s) after the due date\n";
  }

  const json::value* lines = member(summary, "lines");
  const json::object* by_status = lines != nullptr ? lines->if_object() : nullptr;
  if (by_status == nullptr || by_status->empty()) {
    out += "lines by status: none\n";
    return out;
  }
  out += with_currency("lines by status", summary);
  std::vector<std::vector<std::string>> rows{{"STATUS", "COUNT", "AMOUNT"}};
  auto add = [&](std::string_view status, const json::value& counts) {
    rows.push_back(
        {clean(status), text(counts, "count"), amount(member(counts, "amount_minor"), unit)});
  };
  for (std::string_view status : kLineStatuses) {
    if (const json::value* counts = by_status->if_contains(status)) add(status, *counts);
  }
  for (const auto& [status, counts] : *by_status) {
    if (std::find(std::begin(kLineStatuses), std::end(kLineStatuses), status) ==
        std::end(kLineStatuses)) {
      add(status, counts);
    }
  }
  out += format_table(rows, 2, {1, 2});
  return out;
}

std::string render_cycle_report(const json::value& report) {
  static const json::value kNothing;
  const json::value* found = member(report, "summary");
  const json::value& summary = found != nullptr ? *found : kNothing;
  const std::optional<int> unit = minor_unit_of(summary);
  std::string out = render_cycle_summary(summary);

  const json::array* money_in = array_member(report, "money_in");
  if (money_in == nullptr || money_in->empty()) {
    out += "\nmoney in: none\n";
  } else {
    // Money comes in in euros, whatever the caisse's own currency: each item names its currency.
    out += "\n" + with_currency("money in", money_in->front());
    std::vector<std::vector<std::string>> rows{{"SOURCE", "FUNDER", "AMOUNT"}};
    for (const auto& m : *money_in) {
      rows.push_back(
          {text(m, "source"), text(m, "funder"), amount(member(m, "amount_minor"), unit)});
    }
    out += format_table(rows, 2, {2});
  }

  const json::array* money_out = array_member(report, "money_out");
  if (money_out == nullptr || money_out->empty()) {
    out += "\nmoney out: none\n";
  } else {
    out += "\n" + with_currency("money out", summary);
    std::vector<std::vector<std::string>> rows{{"KIND", "AMOUNT"}};
    for (const auto& m : *money_out) {
      rows.push_back({text(m, "kind"), amount(member(m, "amount_minor"), unit)});
    }
    out += format_table(rows, 2, {1});
  }

  const json::array* lines = array_member(report, "lines");
  if (lines == nullptr || lines->empty()) {
    out += "\nlines: none\n";
  } else {
    out += "\n" + with_currency("lines", summary);
    std::vector<std::vector<std::string>> rows{
        {"HOUSEHOLD", "AMOUNT", "STATUS", "REFERENCE", "MESSAGE"}};
    for (const auto& l : *lines) {
      rows.push_back({text(l, "household_id"), amount(member(l, "amount_minor"), unit),
                      text(l, "status"), text(l, "external_ref"), text(l, "message")});
    }
    out += format_table(rows, 2, {1});
  }
  return out;
}

std::string render_import(const json::value& result) {
  return text(result, "kind") + ": " + text(result, "file_lines") + " lines in the file; " +
         text(result, "inserted") + " inserted, " + text(result, "updated") + " updated, " +
         text(result, "unchanged") + " unchanged\n" + render_import_sync(result);
}

std::string render_ledger_check(const json::value& check) {
  const json::value* ok = member(check, "ok");
  const bool holds = ok != nullptr && ok->is_bool() && ok->get_bool();
  const json::array* invariants = array_member(check, "invariants");
  std::size_t total = invariants != nullptr ? invariants->size() : 0;
  std::size_t failed = 0;
  std::vector<std::vector<std::string>> rows{
      {"RESULT", "INVARIANT", "CURRENCY", "EXPECTED", "ACTUAL"}};
  std::string faults;
  if (invariants != nullptr) {
    for (const auto& i : *invariants) {
      bool good = text(i, "status") == "OK";
      if (!good) ++failed;
      rows.push_back({good ? "OK" : "FAILED", text(i, "name"), text(i, "currency"),
                      text(i, "expected"), text(i, "actual")});
      const json::array* details = array_member(i, "details");
      if (good || details == nullptr) continue;
      for (const auto& detail : *details) {
        faults += "  " + text(i, "name") + ": " +
                  (detail.is_string() ? std::string(detail.get_string()) : "-") + "\n";
      }
    }
  }
  std::string out = "ledger of " + text(check, "caisse") + ": ";
  if (holds) {
    out +=
        "OK, " + std::to_string(total) + (total == 1 ? " invariant holds\n" : " invariants hold\n");
  } else if (failed > 0) {
    out += "FAILED, " + std::to_string(failed) + " of " + std::to_string(total) +
           (total == 1 ? " invariant broken\n" : " invariants broken\n");
  } else {
    out += "FAILED\n";
  }
  if (total > 0) out += format_table(rows, 2, {3, 4});
  return out + faults;
}

std::string render_contribution_suggestion(const json::value& suggestion) {
  return "suggested contribution for " + text(suggestion, "caisse") + " in " +
         text(suggestion, "month") + ": " + text(suggestion, "suggested") + " " +
         text(suggestion, "currency") + " a month\nrule " + text(suggestion, "rule") + "\n";
}

}  // namespace caisse::host::ctl
