// Reads a CSV profile strictly with the file-exchange kit's StrictTable: every key checked for
// type and allowed values, every key not read reported as unknown, all problems at once.
#include <caisse/sdk/host.hpp>

#include <file_exchange_kit/toml_strict.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "bankcsv_presets.hpp"  // generated from profiles/*.toml
#include "csv_profile.hpp"
#include "currency_digits.hpp"

namespace caisse::adapters::bankcsv {
namespace {

namespace kit = caisse::adapters::file_exchange_kit;

// A one-character string key, one of `allowed` ('\0' standing for the empty string).
char character(kit::StrictTable& t, std::string_view key, std::string_view allowed,
               std::string_view allowed_text, char fallback) {
  const std::optional<std::string> value = t.string(key);
  if (!value) return fallback;
  if (value->size() <= 1) {
    const char c = value->empty() ? '\0' : (*value)[0];
    if (allowed.find(c) != std::string_view::npos) return c;
  }
  t.error(key, "\"" + *value + "\" is not one of " + std::string(allowed_text));
  return fallback;
}

// A column: a header's text (a string) or a 1-based position (an integer).
std::optional<ColumnRef> column(kit::StrictTable& t, const toml::table& table, std::string_view key,
                                bool required = false) {
  ColumnRef ref;
  ref.key = t.path_of(key);
  const toml::node* node = table.get(key);
  if (node != nullptr && node->is_integer()) {
    const auto number = t.integer(key, 1, 1000);
    if (!number) return std::nullopt;
    ref.number = static_cast<int>(*number);
    return ref;
  }
  std::optional<std::string> header = t.string(key, required);
  if (!header) return std::nullopt;
  if (header->empty()) {
    t.error(key, "empty; name the column's header, or give its number (1 is the first)");
    return std::nullopt;
  }
  ref.header = std::move(*header);
  return ref;
}

// The label: one column, or an array of headers joined with a space.
std::vector<ColumnRef> label_columns(kit::StrictTable& t, const toml::table& table) {
  const toml::node* node = table.get("label");
  if (node == nullptr || !node->is_array()) {
    if (auto one = column(t, table, "label", true)) return {std::move(*one)};
    return {};
  }
  std::vector<ColumnRef> out;
  if (const auto headers = t.strings("label")) {
    for (const auto& header : *headers) out.push_back({header.text, 0, t.path_of("label")});
    if (out.empty()) t.error("label", "an empty array; name at least one column");
  }
  return out;
}

std::vector<std::string> texts(kit::StrictTable& t, std::string_view key) {
  std::vector<std::string> out;
  if (const auto list = t.strings(key)) {
    for (const auto& item : *list) {
      if (item.text.empty()) {
        t.error(key, "holds an empty string, which every row starts with");
        continue;
      }
      out.push_back(item.text);
    }
  }
  return out;
}

void read_file_table(kit::StrictTable& t, CsvProfile& p) {
  const std::optional<std::string> encoding = t.string("encoding", true);
  if (encoding) {
    if (const auto known = encoding_named(*encoding)) {
      p.encoding = *known;
    } else {
      t.error("encoding", "\"" + *encoding +
                              "\" is not one of \"utf-8\", \"cp1252\", \"iso-8859-1\", "
                              "\"iso-8859-15\"");
    }
  }
  p.delimiter = character(t, "delimiter", ";,\t|", "\";\", \",\", \"\\t\", \"|\"", ';');
  p.quote = character(t, "quote", std::string_view("\"'\0", 3), "\"\\\"\", \"'\", \"\"", '"');
  p.skip_lines = static_cast<int>(t.integer("skip_lines", 0, 1000).value_or(0));
  const std::string header = t.choice("header", {"first", "find", "none"}, "first");
  p.header = header == "find"   ? HeaderMode::find
             : header == "none" ? HeaderMode::none
                                : HeaderMode::first;
  if (p.quote == p.delimiter) t.error("quote", "is the delimiter too");
}

void read_dates_table(kit::StrictTable& t, CsvProfile& p) {
  const auto formats = t.strings("formats", true);
  if (!formats) return;
  if (formats->empty()) t.error("formats", "an empty array; give at least one date pattern");
  for (const auto& format : *formats) {
    std::string why;
    if (auto pattern = DatePattern::compile(format.text, why)) {
      p.date_formats.push_back(std::move(*pattern));
    } else {
      t.diagnostics().error(format.place, t.path_of("formats"), why);
    }
  }
}

void read_amounts_table(kit::StrictTable& t, CsvProfile& p) {
  p.decimal = character(t, "decimal_separator", ",.", "\",\", \".\"", ',');
  if (!t.has("decimal_separator")) t.error("decimal_separator", "required (\",\" or \".\")");
  p.thousands = character(t, "thousands_separator", std::string_view(" .'\0", 4),
                          "\" \", \".\", \"'\", \"\"", '\0');
  if (p.thousands != '\0' && p.thousands == p.decimal) {
    t.error("thousands_separator", "is the decimal separator too");
  }
  if (auto currency = t.string("currency")) {
    if (currency_digits(*currency)) {
      p.currency = std::move(*currency);
    } else {
      t.error("currency", "\"" + *currency + "\" is not an ISO 4217 code such as \"EUR\"");
    }
  }
}

void read_columns_table(kit::StrictTable& t, const toml::table& table, CsvProfile& p) {
  if (auto booking = column(t, table, "booking_date", true)) p.booking_date = std::move(*booking);
  p.value_date = column(t, table, "value_date");
  p.label = label_columns(t, table);
  p.amount = column(t, table, "amount");
  p.debit = column(t, table, "debit");
  p.credit = column(t, table, "credit");
  p.currency_column = column(t, table, "currency");
  p.reference = column(t, table, "reference");
  p.counterparty_name = column(t, table, "counterparty_name");
  p.counterparty_iban = column(t, table, "counterparty_iban");
  p.end_to_end_id = column(t, table, "end_to_end_id");
  p.mandate_id = column(t, table, "mandate_id");
  const bool split = t.has("debit") || t.has("credit");
  if (t.has("amount") && split) {
    t.error("amount", "a signed amount column, or debit and credit columns, not both");
  } else if (!t.has("amount") && !split) {
    t.diagnostics().error(t.place(), t.path_of("amount"),
                          "required: a signed amount column, or debit and credit columns");
  }
}

void read_rows_table(kit::StrictTable& t, const toml::table& table, CsvProfile& p) {
  p.skip_empty = t.boolean("skip_empty").value_or(false);
  p.skip_starting_with = texts(t, "skip_starting_with");
  p.stop_at_starting_with = texts(t, "stop_at_starting_with");
  p.filter_column = column(t, table, "filter_column");
  p.filter_values = texts(t, "filter_values");
  if (t.has("filter_column") != t.has("filter_values")) {
    t.error(t.has("filter_column") ? "filter_column" : "filter_values",
            "filter_column and filter_values go together");
  }
}

void read_references_table(kit::StrictTable& t, CsvProfile& p) {
  for (const auto& [key, marker] : {std::pair{"end_to_end_marker", &p.end_to_end_marker},
                                    std::pair{"mandate_marker", &p.mandate_marker}}) {
    if (auto text = t.string(key)) {
      if (text->empty()) t.error(key, "empty; leave the key out instead");
      *marker = std::move(*text);
    }
  }
}

// Columns the file's layout makes impossible: by header in a file without one.
void check_columns_against_header(const CsvProfile& p, kit::StrictTable& columns) {
  std::vector<const ColumnRef*> refs{&p.booking_date};
  for (const ColumnRef& label : p.label) refs.push_back(&label);
  for (const auto* optional : {&p.value_date, &p.amount, &p.debit, &p.credit, &p.currency_column,
                               &p.reference, &p.counterparty_name, &p.counterparty_iban,
                               &p.end_to_end_id, &p.mandate_id, &p.filter_column}) {
    if (*optional) refs.push_back(&**optional);
  }
  const bool any_header =
      std::any_of(refs.begin(), refs.end(), [](const ColumnRef* r) { return !r->header.empty(); });
  if (p.header == HeaderMode::none && any_header) {
    columns.diagnostics().error(columns.place(), "columns",
                                "file.header = \"none\": give every column by its number");
  }
  if (p.header == HeaderMode::find && !any_header) {
    columns.diagnostics().error(columns.place(), "columns",
                                "file.header = \"find\" looks for the columns' headers: name "
                                "at least one by its header");
  }
}

template <class Read>
void section(kit::StrictTable& root, std::string_view key, bool required, Read read) {
  if (const toml::table* table = root.table(key, required)) {
    kit::StrictTable t(*table, root.file(), std::string(key), root.diagnostics());
    read(t, *table);
    t.finish();
  }
}

}  // namespace

std::vector<std::string> preset_names() {
  std::vector<std::string> names;
  for (const Preset& preset : kPresets) names.emplace_back(preset.name);
  return names;
}

CsvProfile load_profile_text(std::string_view toml_text, const std::string& source) {
  kit::Diagnostics diagnostics;
  toml::table root_table;
  try {
    root_table = toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    diagnostics.error(kit::place_of(source, e.source()), "", e.description());
    throw caisse::sdk::ConfigError(diagnostics.joined());
  }
  CsvProfile p;
  p.source = source;
  kit::StrictTable root(root_table, source, "", diagnostics);
  section(root, "file", true,
          [&](kit::StrictTable& t, const toml::table&) { read_file_table(t, p); });
  section(root, "dates", true,
          [&](kit::StrictTable& t, const toml::table&) { read_dates_table(t, p); });
  section(root, "amounts", true,
          [&](kit::StrictTable& t, const toml::table&) { read_amounts_table(t, p); });
  section(root, "columns", true, [&](kit::StrictTable& t, const toml::table& table) {
    read_columns_table(t, table, p);
    check_columns_against_header(p, t);
  });
  section(root, "rows", false,
          [&](kit::StrictTable& t, const toml::table& table) { read_rows_table(t, table, p); });
  section(root, "references", false,
          [&](kit::StrictTable& t, const toml::table&) { read_references_table(t, p); });
  root.finish();
  if (!diagnostics.empty()) throw caisse::sdk::ConfigError(diagnostics.joined());
  return p;
}

CsvProfile load_preset(std::string_view name) {
  for (const Preset& preset : kPresets) {
    if (preset.name == name) {
      return load_profile_text(preset.text, std::string(preset.name) + ".toml (preset)");
    }
  }
  std::string known;
  for (const Preset& preset : kPresets)
    known += (known.empty() ? "" : ", ") + std::string(preset.name);
  throw caisse::sdk::ConfigError("profile: \"" + std::string(name) +
                                 "\" is not a preset; the presets are " + known);
}

CsvProfile load_profile_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw caisse::sdk::ConfigError("profile_file: cannot read \"" + path + "\"");
  std::ostringstream text;
  text << in.rdbuf();
  return load_profile_text(text.str(), path);
}

}  // namespace caisse::adapters::bankcsv
