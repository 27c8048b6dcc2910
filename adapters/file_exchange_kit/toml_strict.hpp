// Reading a mapping file strictly with toml++: every value checked for type and allowed values,
// every key not read reported as unknown, every problem one line
// "FILE:LINE:COLUMN: key.path: reason". The host has the same discipline in
// host/src/config/toml_reader.hpp; a plugin cannot link the host, hence this small twin.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::adapters::file_exchange_kit {

// Where a value was written: "kohinos.toml:7:1".
struct TomlPlace {
  std::string file;
  int line = 0;
  int column = 0;
  std::string to_string() const;
};

// The error lines of one mapping load.
class Diagnostics {
 public:
  void error(const TomlPlace& where, std::string_view key_path, std::string_view reason);
  bool empty() const { return lines_.empty(); }
  std::string joined() const;  // one line per error, in the order found

 private:
  std::vector<std::string> lines_;
};

TomlPlace place_of(std::string_view file, const toml::source_region& region);

// A string of a string array, and where it was written.
struct PlacedString {
  std::string text;
  TomlPlace place;
};

class StrictTable {
 public:
  // `path` is the table's key path ("credit_file.headers"); `file` names its file in messages.
  StrictTable(const toml::table& table, std::string file, std::string path,
              Diagnostics& diagnostics);

  bool has(std::string_view key) const { return table_.contains(key); }
  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
  // One of `allowed`, else an error naming them; `fallback` when absent.
  std::string choice(std::string_view key, std::initializer_list<std::string_view> allowed,
                     std::string_view fallback);
  // An array of strings; duplicates are reported. nullopt when absent (or wrong).
  std::optional<std::vector<PlacedString>> strings(std::string_view key, bool required = false);
  // A sub-table; nullptr when absent (reported when required) or not a table.
  const toml::table* table(std::string_view key, bool required = false);
  // Every (key, string value) of this table, each key marked read: for tables whose keys are
  // names chosen by the operator ([credit_file.headers]).
  std::vector<std::pair<PlacedString, PlacedString>> string_entries();

  // Reports every key not read as unknown. Call once, after reading.
  void finish();

  std::string path_of(std::string_view key) const;
  TomlPlace place() const;
  TomlPlace place_of_key(std::string_view key) const;
  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  // An error on a key of this table, at the key's place.
  void error(std::string_view key, std::string_view reason);

 private:
  const toml::node* find(std::string_view key);
  void wrong_type(std::string_view key, const toml::node& node, std::string_view expected);

  const toml::table& table_;
  std::string file_;
  std::string path_;
  Diagnostics& diagnostics_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace caisse::adapters::file_exchange_kit
