#include "ctl/render.hpp"

#include <boost/json/serialize.hpp>
#include <cstdio>

namespace caisse::host::ctl {
namespace {

namespace json = boost::json;

const json::value* member(const json::value* v, std::string_view key) {
  if (v == nullptr) return nullptr;
  const json::object* o = v->if_object();
  return o ? o->if_contains(key) : nullptr;
}

const json::value* member(const json::value& v, std::string_view key) {
  return member(&v, key);
}

// Control characters (ESC, line breaks...) become spaces: the daemon's strings are data.
std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    out.push_back(byte < 0x20 || byte == 0x7F ? ' ' : c);
  }
  return out;
}

// A scalar as text: strings as is, numbers, booleans as yes/no, null or missing as "-",
// arrays joined with ",".
std::string text(const json::value* v) {
  if (v == nullptr || v->is_null()) return "-";
  if (const auto* s = v->if_string()) return s->empty() ? "-" : clean(*s);
  if (const auto* b = v->if_bool()) return *b ? "yes" : "no";
  if (const auto* i = v->if_int64()) return std::to_string(*i);
  if (const auto* u = v->if_uint64()) return std::to_string(*u);
  if (const auto* a = v->if_array()) {
    if (a->empty()) return "-";
    std::string out;
    for (const auto& item : *a) {
      if (!out.empty()) out += ",";
      out += text(&item);
    }
    return out;
  }
  return clean(json::serialize(*v));
}

std::string text(const json::value& v, std::string_view key) {
  return text(member(v, key));
}

const json::array* array_member(const json::value& v, std::string_view key) {
  const json::value* m = member(v, key);
  return m ? m->if_array() : nullptr;
}

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

std::string format_table(const std::vector<std::vector<std::string>>& rows, std::size_t indent) {
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
      line += row[c];
      if (c + 1 < row.size()) line.append(widths[c] - display_width(row[c]) + 2, ' ');
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

}  // namespace caisse::host::ctl
