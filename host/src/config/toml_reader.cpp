#include "config/toml_reader.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace caisse::host::config {

void Diagnostics::error(const SourcePosition& where, std::string_view key_path,
                        std::string_view message) {
  std::string line = where.to_string() + ": ";
  if (!key_path.empty()) line += std::string(key_path) + ": ";
  line += message;
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

SourcePosition position_in(const std::filesystem::path& file, const toml::source_region& region) {
  return SourcePosition{file, static_cast<int>(region.begin.line),
                        static_cast<int>(region.begin.column)};
}

std::optional<toml::table> parse_toml_file(const std::filesystem::path& file,
                                           Diagnostics& diagnostics) {
  if (std::ifstream probe(file); !probe) {
    diagnostics.error(SourcePosition{file}, "",
                      std::string("cannot read: ") + std::strerror(errno));
    return std::nullopt;
  }
  try {
    return toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    diagnostics.error(position_in(file, e.source()), "", std::string(e.description()));
    return std::nullopt;
  }
}

std::string toml_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "floating-point";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::array:
      return "array";
    case toml::node_type::table:
      return "table";
    case toml::node_type::date:
      return "date";
    case toml::node_type::time:
      return "time";
    case toml::node_type::date_time:
      return "date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

TableReader::TableReader(const toml::table& table, std::filesystem::path file, std::string path,
                         Diagnostics& diagnostics)
    : table_(table), file_(std::move(file)), path_(std::move(path)), diagnostics_(diagnostics) {}

std::string TableReader::path_of(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return path_ + "." + std::string(key);
}

SourcePosition TableReader::position() const {
  return position_in(file_, table_.source());
}

SourcePosition TableReader::position_of(std::string_view key) const {
  for (auto&& [k, node] : table_) {
    if (k.str() == key) return position_in(file_, k.source());
  }
  return position();
}

void TableReader::error(std::string_view key, std::string_view message) {
  diagnostics_.error(position_of(key), path_of(key), message);
}

const toml::node* TableReader::find(std::string_view key) {
  read_.insert(std::string(key));
  return table_.get(key);
}

void TableReader::wrong_type(std::string_view key, const toml::node& node,
                             std::string_view expected) {
  diagnostics_.error(position_in(file_, node.source()), path_of(key),
                     "expected " + std::string(expected) + ", found " + toml_type_name(node));
}

std::optional<std::string> TableReader::string(std::string_view key, Presence presence) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (presence == Presence::required) {
      diagnostics_.error(position(), path_of(key), "missing (a string is required)");
    }
    return std::nullopt;
  }
  if (!node->is_string()) {
    wrong_type(key, *node, "a string");
    return std::nullopt;
  }
  return node->as_string()->get();
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max, Presence presence) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (presence == Presence::required) {
      diagnostics_.error(position(), path_of(key), "missing (an integer is required)");
    }
    return std::nullopt;
  }
  if (!node->is_integer()) {
    wrong_type(key, *node, "an integer");
    return std::nullopt;
  }
  std::int64_t value = node->as_integer()->get();
  if (value < min || value > max) {
    diagnostics_.error(position_in(file_, node->source()), path_of(key),
                       std::to_string(value) + " is out of range (" + std::to_string(min) + " to " +
                           std::to_string(max) + ")");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> TableReader::boolean(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_boolean()) {
    wrong_type(key, *node, "true or false");
    return std::nullopt;
  }
  return node->as_boolean()->get();
}

std::vector<std::pair<std::string, SourcePosition>> TableReader::string_array(
    std::string_view key) {
  std::vector<std::pair<std::string, SourcePosition>> out;
  const toml::node* node = find(key);
  if (node == nullptr) return out;
  if (!node->is_array()) {
    wrong_type(key, *node, "an array of strings");
    return out;
  }
  const toml::array& array = *node->as_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    const toml::node& item = array[i];
    if (!item.is_string()) {
      wrong_type(std::string(key) + "[" + std::to_string(i) + "]", item, "a string");
      continue;
    }
    out.emplace_back(item.as_string()->get(), position_in(file_, item.source()));
  }
  return out;
}

const toml::table* TableReader::table(std::string_view key, Presence presence) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (presence == Presence::required) {
      diagnostics_.error(position(), path_of(key), "missing (a [" + path_of(key) + "] table)");
    }
    return nullptr;
  }
  if (!node->is_table()) {
    wrong_type(key, *node, "a table");
    return nullptr;
  }
  return node->as_table();
}

std::vector<const toml::table*> TableReader::table_array(std::string_view key) {
  std::vector<const toml::table*> out;
  const toml::node* node = find(key);
  if (node == nullptr) return out;
  if (!node->is_array_of_tables()) {
    wrong_type(key, *node, "an array of tables ([[" + path_of(key) + "]])");
    return out;
  }
  for (const toml::node& item : *node->as_array()) out.push_back(item.as_table());
  return out;
}

std::vector<std::string> TableReader::remaining_keys() const {
  std::vector<std::string> out;
  for (auto&& [k, node] : table_) {
    if (read_.find(k.str()) == read_.end()) out.emplace_back(k.str());
  }
  return out;
}

void TableReader::finish() {
  std::string known;
  for (const auto& k : read_) known += (known.empty() ? "" : ", ") + k;
  for (const auto& key : remaining_keys()) {
    error(key, known.empty() ? "unknown key (this table takes none)"
                             : "unknown key (known here: " + known + ")");
  }
  for (const auto& key : remaining_keys()) read_.insert(key);
}

}  // namespace caisse::host::config
