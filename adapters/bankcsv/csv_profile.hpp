// A bank's CSV export described once, in TOML (profiles/*.toml for the presets, or the
// operator's own file): how the bytes are laid out and which column holds what. A strict, plain
// mapping: nothing is guessed from the data, so a file that does not fit is refused, naming
// the line and column, instead of being misread.
#pragma once

#include <caisse/sdk/host.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "amount_text.hpp"
#include "date_text.hpp"
#include "text_decoding.hpp"

namespace caisse::adapters::bankcsv {

// A column by the text of its header cell, or by its position when the file has no header.
struct ColumnRef {
  std::string header;  // compared with the header cell without surrounding spaces
  int number = 0;      // 1-based; used when header is empty
  std::string key;     // the profile key that names it ("columns.debit"), for messages
};

enum class HeaderMode {
  none,   // no header: every column by number
  first,  // the first line after file.skip_lines
  find,   // the first line holding every column named in [columns]: a preamble of any length
};

struct CsvProfile {
  std::string source;  // the profile's file name, for messages

  // [file]
  Encoding encoding = Encoding::utf8;
  char delimiter = ';';
  char quote = '"';  // '\0': none
  int skip_lines = 0;
  HeaderMode header = HeaderMode::first;

  // [dates] one or more patterns, tried in order
  std::vector<DatePattern> date_formats;

  // [amounts]
  char decimal = ',';
  char thousands = '\0';
  std::string currency = "EUR";  // when no currency column

  // [columns]
  ColumnRef booking_date;
  std::optional<ColumnRef> value_date;
  std::vector<ColumnRef> label;     // joined with a space
  std::optional<ColumnRef> amount;  // signed; or debit and/or credit below
  std::optional<ColumnRef> debit;   // money out, written positive or negative
  std::optional<ColumnRef> credit;  // money in
  std::optional<ColumnRef> currency_column;
  std::optional<ColumnRef> reference;
  std::optional<ColumnRef> counterparty_name;
  std::optional<ColumnRef> counterparty_iban;
  std::optional<ColumnRef> end_to_end_id;
  std::optional<ColumnRef> mandate_id;

  // [rows]
  bool skip_empty = false;                      // lines with no text in any field
  std::vector<std::string> skip_starting_with;  // first non-empty field starts with one
  std::vector<std::string> stop_at_starting_with;
  std::optional<ColumnRef> filter_column;  // keep a row only when this column holds
  std::vector<std::string> filter_values;  // one of these values

  // [references] markers in the label after which a reference follows ("REF:", "RUM:")
  std::string end_to_end_marker;
  std::string mandate_marker;
};

// The presets shipped in profiles/, by name ("credit_agricole").
std::vector<std::string> preset_names();

// Reads a profile. Throws caisse::sdk::ConfigError listing every problem, one per line,
// "FILE:LINE:COL: key: why".
CsvProfile load_profile_text(std::string_view toml_text, const std::string& source);
CsvProfile load_preset(std::string_view name);
CsvProfile load_profile_file(const std::string& path);

}  // namespace caisse::adapters::bankcsv
