// Reading TOML strictly, for the config loader only (it is the one place that includes
// toml++): every value read is checked for type and range, every key not read is reported as
// unknown, and every problem becomes one line "FILE:LINE:COLUMN: key.path: message".
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "config/source_position.hpp"

namespace caisse::host::config {

// The error lines of one load, across the daemon file and the caisse files.
class Diagnostics {
 public:
  void error(const SourcePosition& where, std::string_view key_path, std::string_view message);
  bool empty() const { return lines_.empty(); }
  // One line per error, in the order found.
  std::string joined() const;

 private:
  std::vector<std::string> lines_;
};

SourcePosition position_in(const std::filesystem::path& file, const toml::source_region& region);

// The file parsed, or nullopt with the syntax error (or the reason it cannot be read) reported.
std::optional<toml::table> parse_toml_file(const std::filesystem::path& file,
                                           Diagnostics& diagnostics);

// "string", "integer", "floating-point", "boolean", "array", "table", "date", ...
std::string toml_type_name(const toml::node& node);

enum class Presence { optional, required };

class TableReader {
 public:
  // `path` is the table's key path ("http", "plugin[0]"); empty for the root table.
  TableReader(const toml::table& table, std::filesystem::path file, std::string path,
              Diagnostics& diagnostics);

  std::optional<std::string> string(std::string_view key, Presence presence = Presence::optional);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                      Presence presence = Presence::optional);
  std::optional<bool> boolean(std::string_view key);
  // An array of strings, each with where it was written.
  std::vector<std::pair<std::string, SourcePosition>> string_array(std::string_view key);
  const toml::table* table(std::string_view key, Presence presence = Presence::optional);
  // An array of tables ([[key]]); empty when absent.
  std::vector<const toml::table*> table_array(std::string_view key);
  // Every key not read through this reader, for tables whose keys are names ([plugins.NAME]).
  std::vector<std::string> remaining_keys() const;
  // Marks a key as read without reading it (the caller handles it).
  void accept(std::string_view key) { read_.insert(std::string(key)); }

  // Reports every key that was not read as unknown. Call once, after reading.
  void finish();

  std::string path_of(std::string_view key) const;
  SourcePosition position() const;
  SourcePosition position_of(std::string_view key) const;
  const std::filesystem::path& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  void error(std::string_view key, std::string_view message);

 private:
  const toml::node* find(std::string_view key);
  void wrong_type(std::string_view key, const toml::node& node, std::string_view expected);

  const toml::table& table_;
  std::filesystem::path file_;
  std::string path_;
  Diagnostics& diagnostics_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace caisse::host::config
