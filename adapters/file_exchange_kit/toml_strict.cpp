#include "toml_strict.hpp"

#include <algorithm>

namespace caisse::adapters::file_exchange_kit {
namespace {

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

}  // namespace

std::string TomlPlace::to_string() const {
  if (line == 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

void Diagnostics::error(const TomlPlace& where, std::string_view key_path,
                        std::string_view reason) {
  std::string line = where.to_string() + ": ";
  if (!key_path.empty()) line += std::string(key_path) + ": ";
  line += reason;
  lines_.push_back(std::move(line));
}

std::string Diagnostics::joined() const {
  std::string out;
  for (const auto& line : lines_) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

TomlPlace place_of(std::string_view file, const toml::source_region& region) {
  return {std::string(file), static_cast<int>(region.begin.line),
          static_cast<int>(region.begin.column)};
}

StrictTable::StrictTable(const toml::table& table, std::string file, std::string path,
                         Diagnostics& diagnostics)
    : table_(table), file_(std::move(file)), path_(std::move(path)), diagnostics_(diagnostics) {}

std::string StrictTable::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

TomlPlace StrictTable::place() const {
  return place_of(file_, table_.source());
}

TomlPlace StrictTable::place_of_key(std::string_view key) const {
  for (auto&& [k, node] : table_) {
    if (k.str() == key) return place_of(file_, k.source());
  }
  return place();
}

void StrictTable::error(std::string_view key, std::string_view reason) {
  diagnostics_.error(place_of_key(key), path_of(key), reason);
}

const toml::node* StrictTable::find(std::string_view key) {
  read_.insert(std::string(key));
  return table_.get(key);
}

void StrictTable::wrong_type(std::string_view key, const toml::node& node,
                             std::string_view expected) {
  diagnostics_.error(place_of(file_, node.source()), path_of(key),
                     "expected " + std::string(expected) + ", found " + type_name(node));
}

std::optional<std::string> StrictTable::string(std::string_view key, bool required) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (required) diagnostics_.error(place(), path_of(key), "required");
    return std::nullopt;
  }
  if (!node->is_string()) {
    wrong_type(key, *node, "a string");
    return std::nullopt;
  }
  return node->as_string()->get();
}

std::optional<bool> StrictTable::boolean(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_boolean()) {
    wrong_type(key, *node, "true or false");
    return std::nullopt;
  }
  return node->as_boolean()->get();
}

std::optional<std::int64_t> StrictTable::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_integer()) {
    wrong_type(key, *node, "an integer");
    return std::nullopt;
  }
  const std::int64_t value = node->as_integer()->get();
  if (value < min || value > max) {
    diagnostics_.error(place_of(file_, node->source()), path_of(key),
                       std::to_string(value) + " is out of range (" + std::to_string(min) + " to " +
                           std::to_string(max) + ")");
    return std::nullopt;
  }
  return value;
}

std::string StrictTable::choice(std::string_view key,
                                std::initializer_list<std::string_view> allowed,
                                std::string_view fallback) {
  const std::optional<std::string> value = string(key);
  if (!value) return std::string(fallback);
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return *value;
  std::string list;
  for (std::string_view a : allowed) {
    list += (list.empty() ? "" : ", ") + std::string("\"") + std::string(a) + "\"";
  }
  diagnostics_.error(place_of(file_, table_.get(key)->source()), path_of(key),
                     "\"" + *value + "\" is not one of " + list);
  return std::string(fallback);
}

std::optional<std::vector<PlacedString>> StrictTable::strings(std::string_view key, bool required) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (required) diagnostics_.error(place(), path_of(key), "required");
    return std::nullopt;
  }
  if (!node->is_array()) {
    wrong_type(key, *node, "an array of strings");
    return std::nullopt;
  }
  std::vector<PlacedString> out;
  bool ok = true;
  const toml::array& array = *node->as_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    const toml::node& item = array[i];
    const std::string item_path = std::string(key) + "[" + std::to_string(i) + "]";
    if (!item.is_string()) {
      wrong_type(item_path, item, "a string");
      ok = false;
      continue;
    }
    PlacedString s{item.as_string()->get(), place_of(file_, item.source())};
    if (std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.text == s.text; })) {
      diagnostics_.error(s.place, path_of(key), "\"" + s.text + "\" is listed twice");
      ok = false;
      continue;
    }
    out.push_back(std::move(s));
  }
  if (!ok) return std::nullopt;
  return out;
}

const toml::table* StrictTable::table(std::string_view key, bool required) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (required)
      diagnostics_.error(place(), path_of(key), "required (a [" + path_of(key) + "] table)");
    return nullptr;
  }
  if (!node->is_table()) {
    wrong_type(key, *node, "a table");
    return nullptr;
  }
  return node->as_table();
}

std::vector<std::pair<PlacedString, PlacedString>> StrictTable::string_entries() {
  std::vector<std::pair<PlacedString, PlacedString>> out;
  for (auto&& [k, node] : table_) {
    read_.insert(std::string(k.str()));
    if (!node.is_string()) {
      wrong_type(k.str(), node, "a string");
      continue;
    }
    out.push_back({{std::string(k.str()), place_of(file_, k.source())},
                   {node.as_string()->get(), place_of(file_, node.source())}});
  }
  return out;
}

void StrictTable::finish() {
  for (auto&& [k, node] : table_) {
    if (!read_.contains(k.str())) {
      diagnostics_.error(place_of(file_, k.source()), path_of(k.str()), "unknown key");
    }
  }
}

}  // namespace caisse::adapters::file_exchange_kit
