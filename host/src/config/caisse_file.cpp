#include "config/caisse_file.hpp"

#include <algorithm>
#include <set>

#include "net/http_url.hpp"

namespace caisse::host::config {
namespace {

bool is_currency_code(std::string_view code) {
  if (code.size() < 3 || code.size() > 8 || code[0] < 'A' || code[0] > 'Z') return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// "1", "1.00", "0.5": a positive decimal with at most 6 decimals. Kept as text so that the
// parity never passes through floating point.
bool is_positive_decimal(std::string_view text) {
  const auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty()) || fraction.size() > 6)
    return false;
  bool nonzero = false;
  for (std::string_view part : {whole, fraction}) {
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      nonzero = nonzero || c != '0';
    }
  }
  return nonzero;
}

PluginConfigEntry entry_of(const std::filesystem::path& file, const toml::key& key,
                           const toml::node& node) {
  PluginConfigEntry entry{std::string(key.str()), UnsupportedValue{toml_type_name(node)},
                          position_in(file, key.source())};
  if (node.is_string()) entry.value = node.as_string()->get();
  if (node.is_integer()) entry.value = node.as_integer()->get();
  if (node.is_boolean()) entry.value = node.as_boolean()->get();
  return entry;
}

// An http_allow entry: an origin, "https://host" or "https://host:port", nothing after it.
Result<std::string> http_origin(const std::string& text) {
  auto url = net::parse_http_url(text);
  if (!url) return url.error();
  if (url->path != "/" || url->has_query || url->has_fragment) {
    return make_error("\"" + text + "\" must be an origin such as \"https://cyclos.example.org\"" +
                      " (scheme, host and port only)");
  }
  return url->origin;
}

void read_identity(TableReader& caisse, CaisseConfig& out) {
  if (auto id = caisse.string("id", Presence::required)) {
    if (is_identifier(*id)) {
      out.id = *id;
    } else {
      caisse.error("id", "\"" + *id + "\" must be lowercase letters, digits, '-' or '_'");
    }
  }
  out.name = caisse.string("name", Presence::required).value_or("");
  out.territory = caisse.string("territory").value_or("");
  caisse.finish();
}

void read_currency(TableReader& currency, CurrencySettings& out) {
  if (auto code = currency.string("code", Presence::required)) {
    if (is_currency_code(*code)) {
      out.code = *code;
    } else {
      currency.error("code", "\"" + *code + "\" must be 3 to 8 capital letters or digits");
    }
  }
  out.name = currency.string("name", Presence::required).value_or("");
  out.minor_unit = static_cast<int>(currency.integer("minor_unit", 0, 4).value_or(2));
  out.adapter = currency.string("adapter").value_or("");
  out.adapter_where = currency.position_of("adapter");
  if (auto parity = currency.string("parity_eur", Presence::required)) {
    if (is_positive_decimal(*parity)) {
      out.parity_eur = *parity;
    } else {
      currency.error("parity_eur",
                     "\"" + *parity + "\" must be a positive decimal in quotes, such as \"1.00\"");
    }
  }
  currency.finish();
}

void read_plugin_block(const toml::table& table, std::size_t index, const CaisseConfig& caisse,
                       Diagnostics& diagnostics, std::vector<PluginBlock>& out) {
  PluginBlock block;
  block.key_path = "plugin[" + std::to_string(index) + "]";
  block.base_dir = caisse.file.parent_path();
  TableReader reader(table, caisse.file, block.key_path, diagnostics);
  block.where = reader.position();
  block.instance = reader.string("instance", Presence::required).value_or("");
  block.plugin = reader.string("plugin", Presence::required).value_or("");
  if (!block.instance.empty() && !is_identifier(block.instance)) {
    reader.error("instance",
                 "\"" + block.instance + "\" must be lowercase letters, digits, '-' or '_'");
  }
  if (const toml::table* config = reader.table("config")) {
    for (auto&& [key, node] : *config) block.config.push_back(entry_of(caisse.file, key, node));
  }
  const auto allowed = reader.string_array("http_allow");
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (auto origin = http_origin(allowed[i].first); origin) {
      block.http_allow.push_back(*origin);
    } else {
      diagnostics.error(allowed[i].second,
                        block.key_path + ".http_allow[" + std::to_string(i) + "]",
                        origin.error().message);
    }
  }
  reader.finish();
  for (const auto& other : out) {
    if (!block.instance.empty() && other.instance == block.instance) {
      diagnostics.error(
          block.where, block.key_path + ".instance",
          "instance \"" + block.instance + "\" is already defined at " + other.where.to_string());
    }
  }
  out.push_back(std::move(block));
}

// [rules]: for each kind, an array of versions [[rules.KIND]] with `from` and `instance`.
void read_rules(TableReader& rules, CaisseConfig& caisse) {
  for (RuleKind kind : {RuleKind::allocation, RuleKind::contribution_grid, RuleKind::bonus}) {
    const char* name = rule_kind_name(kind);
    const auto versions = rules.table_array(name);
    std::vector<RuleVersion> read;
    for (std::size_t i = 0; i < versions.size(); ++i) {
      TableReader reader(*versions[i], caisse.file,
                         rules.path_of(name) + "[" + std::to_string(i) + "]", rules.diagnostics());
      RuleVersion version{kind, {}, {}, reader.position()};
      auto from = reader.string("from", Presence::required);
      auto instance = reader.string("instance", Presence::required);
      if (from) {
        if (auto month = parse_month(*from)) {
          version.from = *month;
        } else {
          reader.error("from", month.error().message);
          from.reset();
        }
      }
      if (instance) {
        bool known = false;
        for (const auto& block : caisse.plugins) known = known || block.instance == *instance;
        if (!known) {
          reader.error("instance", "no [[plugin]] instance \"" + *instance + "\" in this file");
          instance.reset();
        } else {
          version.instance = *instance;
        }
      }
      for (const auto& other : read) {
        if (from && other.from == version.from) {
          reader.error("from", std::string(name) + " already has a version from " + *from + " at " +
                                   other.where.to_string());
          from.reset();
        }
      }
      reader.finish();
      if (from && instance) read.push_back(std::move(version));
    }
    std::sort(read.begin(), read.end(),
              [](const RuleVersion& a, const RuleVersion& b) { return a.from < b.from; });
    caisse.rules.insert(caisse.rules.end(), read.begin(), read.end());
  }
  rules.finish();
}

}  // namespace

bool is_identifier(std::string_view text) {
  if (text.empty() || text.size() > 63) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '-' && c != '_'))) return false;
  }
  return true;
}

std::optional<CaisseConfig> load_caisse_file(const std::filesystem::path& file,
                                             Diagnostics& diagnostics) {
  auto root = parse_toml_file(file, diagnostics);
  if (!root) return std::nullopt;
  CaisseConfig caisse;
  caisse.file = file;
  TableReader top(*root, file, "", diagnostics);
  if (const toml::table* identity = top.table("caisse", Presence::required)) {
    TableReader reader(*identity, file, "caisse", diagnostics);
    read_identity(reader, caisse);
  }
  if (const toml::table* currency = top.table("currency", Presence::required)) {
    TableReader reader(*currency, file, "currency", diagnostics);
    read_currency(reader, caisse.currency);
  }
  const auto blocks = top.table_array("plugin");
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    read_plugin_block(*blocks[i], i, caisse, diagnostics, caisse.plugins);
  }
  if (!caisse.currency.adapter.empty() &&
      std::none_of(caisse.plugins.begin(), caisse.plugins.end(),
                   [&](const PluginBlock& b) { return b.instance == caisse.currency.adapter; })) {
    diagnostics.error(caisse.currency.adapter_where, "currency.adapter",
                      "no [[plugin]] instance \"" + caisse.currency.adapter + "\" in this file");
  }
  if (const toml::table* bonus = top.table("bonus")) {
    TableReader reader(*bonus, file, "bonus", diagnostics);
    caisse.bonus.pay_within_days = static_cast<int>(
        reader.integer("pay_within_days", 0, 366).value_or(caisse.bonus.pay_within_days));
    reader.finish();
  }
  if (const toml::table* accreditation = top.table("accreditation")) {
    TableReader reader(*accreditation, file, "accreditation", diagnostics);
    if (auto dir = reader.string("grids_dir", Presence::required)) {
      if (dir->empty()) reader.error("grids_dir", "must name a folder");
      caisse.accreditation.grids_dir = file.parent_path() / *dir;  // an absolute dir stays so
    }
    reader.finish();
  }
  if (const toml::table* rules = top.table("rules")) {
    TableReader reader(*rules, file, "rules", diagnostics);
    read_rules(reader, caisse);
  }
  top.finish();
  return caisse;
}

}  // namespace caisse::host::config
