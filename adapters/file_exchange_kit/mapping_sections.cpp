#include "mapping_sections.hpp"

#include <algorithm>
#include <map>

#include "ascii_text.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

std::string in_quotes(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

CsvDialect read_dialect(StrictTable& t) {
  CsvDialect dialect;
  dialect.separator = t.choice("separator", {";", ",", "\t", "|"}, ";")[0];
  dialect.encoding = *encoding_named(t.choice("encoding", {"utf-8", "windows-1252"}, "utf-8"));
  dialect.skip_lines = static_cast<int>(t.integer("skip_lines", 0, 100).value_or(0));
  return dialect;
}

char read_decimal(StrictTable& t, std::string_view fallback) {
  return t.choice("decimal", {",", "."}, fallback)[0];
}

// Keys that only make sense for one format are refused for the other, so that an operator who
// sets `sheet` on a CSV file learns it does nothing.
TableFormat read_table_format(StrictTable& t) {
  TableFormat format;
  format.format =
      t.choice("format", {"csv", "xlsx"}, "csv") == "xlsx" ? FileFormat::xlsx : FileFormat::csv;
  const bool csv = format.format == FileFormat::csv;
  const auto only_for = [&](std::string_view key, bool allowed, std::string_view which) {
    if (!allowed) t.error(key, "only for format = " + in_quotes(which));
  };
  if (t.has("separator")) only_for("separator", csv, "csv");
  format.separator = t.choice("separator", {";", ",", "\t", "|"}, ";")[0];
  if (auto bom = t.boolean("bom")) {
    only_for("bom", csv, "csv");
    format.bom = *bom;
  }
  if (auto end = t.string("line_end")) {
    only_for("line_end", csv, "csv");
    if (*end == "crlf") {
      format.line_end = "\r\n";
    } else if (*end != "lf") {
      t.error("line_end", in_quotes(*end) + " is not one of \"lf\", \"crlf\"");
    }
  }
  if (auto sheet = t.string("sheet")) {
    only_for("sheet", !csv, "xlsx");
    if (sheet->empty() || sheet->size() > 31 ||
        sheet->find_first_of("[]:*?/\\") != std::string::npos) {
      t.error("sheet",
              in_quotes(*sheet) + ": a sheet name has 1 to 31 characters, none of []:*?/\\");
    } else {
      format.sheet = *sheet;
    }
  }
  format.header = t.boolean("header").value_or(true);
  return format;
}

// `columns` (which fields, in which order), `[headers]` (their titles) and `[constants]` (fixed
// text columns) of a written file.
std::vector<OutputColumn> read_output_columns(StrictTable& t,
                                              std::initializer_list<std::string_view> fields) {
  std::vector<OutputColumn> columns;
  std::map<std::string, std::string, std::less<>> constants;
  if (const toml::table* table = t.table("constants")) {
    StrictTable c(*table, t.file(), t.path_of("constants"), t.diagnostics());
    for (auto& [key, value] : c.string_entries()) {
      if (std::find(fields.begin(), fields.end(), key.text) != fields.end()) {
        t.diagnostics().error(key.place, c.path_of(key.text), "is a field name, not a constant");
        continue;
      }
      constants[key.text] = value.text;
    }
  }
  std::string known;
  for (std::string_view f : fields) known += (known.empty() ? "" : ", ") + std::string(f);
  // Where each column's header was set, and under which key, for the duplicate-header check.
  std::vector<std::pair<TomlPlace, std::string>> origin;
  if (auto listed = t.strings("columns", true)) {
    if (listed->empty()) t.error("columns", "lists no column");
    for (const PlacedString& name : *listed) {
      OutputColumn column{name.text, name.text, {}, false};
      if (auto constant = constants.find(name.text); constant != constants.end()) {
        column.is_constant = true;
        column.constant = constant->second;
      } else if (std::find(fields.begin(), fields.end(), name.text) == fields.end()) {
        t.diagnostics().error(name.place, t.path_of("columns"),
                              "unknown column " + in_quotes(name.text) + " (known: " + known +
                                  ", or a key of [" + t.path_of("constants") + "])");
        continue;
      }
      columns.push_back(std::move(column));
      origin.emplace_back(name.place, t.path_of("columns"));
    }
  }
  for (const auto& [name, text] : constants) {
    if (std::none_of(columns.begin(), columns.end(),
                     [&field = name](const OutputColumn& c) { return c.field == field; })) {
      t.diagnostics().error(t.place_of_key("constants"), t.path_of("constants") + "." + name,
                            "not in " + t.path_of("columns"));
    }
  }
  if (const toml::table* table = t.table("headers")) {
    StrictTable h(*table, t.file(), t.path_of("headers"), t.diagnostics());
    for (auto& [key, value] : h.string_entries()) {
      auto column =
          std::find_if(columns.begin(), columns.end(),
                       [&field = key.text](const OutputColumn& c) { return c.field == field; });
      if (column == columns.end()) {
        t.diagnostics().error(key.place, h.path_of(key.text), "not in " + t.path_of("columns"));
      } else if (value.text.empty()) {
        t.diagnostics().error(value.place, h.path_of(key.text), "a header cannot be empty");
      } else {
        column->header = value.text;
        origin[static_cast<std::size_t>(column - columns.begin())] = {key.place,
                                                                      h.path_of(key.text)};
      }
    }
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (columns[i].header == columns[j].header) {
        t.diagnostics().error(
            origin[i].first, origin[i].second,
            "same header " + in_quotes(columns[i].header) + " as column " + columns[j].field);
      }
    }
  }
  return columns;
}

// `[<section>.columns]`: the header title of each column read from someone else's file.
std::map<std::string, std::string, std::less<>> read_input_columns(
    StrictTable& parent, std::initializer_list<std::string_view> required,
    std::initializer_list<std::string_view> optional) {
  std::map<std::string, std::string, std::less<>> out;
  const toml::table* table = parent.table("columns", true);
  if (table == nullptr) return out;
  StrictTable t(*table, parent.file(), parent.path_of("columns"), parent.diagnostics());
  std::vector<std::pair<std::string, std::string>> seen;  // (key, header) in reading order
  const auto read = [&](std::string_view key, bool needed) {
    auto header = t.string(key, needed);
    if (!header) return;
    if (header->empty()) {
      t.error(key, "a header cannot be empty");
      return;
    }
    for (const auto& [other, text] : seen) {
      if (text == *header) {
        t.error(key, "same header " + in_quotes(*header) + " as " + t.path_of(other));
        return;
      }
    }
    seen.emplace_back(key, *header);
    out[std::string(key)] = *header;
  };
  for (std::string_view key : required) read(key, true);
  for (std::string_view key : optional) read(key, false);
  t.finish();
  return out;
}

std::string value_or_empty(const std::map<std::string, std::string, std::less<>>& m,
                           std::string_view key) {
  auto found = m.find(key);
  return found == m.end() ? std::string() : found->second;
}

std::vector<std::string> texts(const std::optional<std::vector<PlacedString>>& list) {
  std::vector<std::string> out;
  if (list) {
    for (const auto& s : *list) out.push_back(s.text);
  }
  return out;
}

}  // namespace

CreditFileMapping read_credit_file(StrictTable& t, SectionChecks& checks) {
  CreditFileMapping m;
  m.table = read_table_format(t);
  m.decimal = read_decimal(t, ".");
  m.columns = read_output_columns(
      t, {"operation_id", "household_id", "account", "amount", "currency", "description", "date"});
  if (auto pattern = t.string("date_format")) {
    auto compiled = DateFormat::compile(*pattern);
    if (auto* reason = std::get_if<std::string>(&compiled)) {
      t.error("date_format", in_quotes(*pattern) + ": " + *reason);
    } else {
      m.date_format = std::get<DateFormat>(std::move(compiled));
    }
    if (!m.uses("date")) t.error("date_format", "no \"date\" column uses it");
  } else if (m.uses("date")) {
    t.error("columns", "the \"date\" column needs a date_format");
  }
  if (m.uses("account"))
    checks.account_uses.emplace_back(t.place_of_key("columns"), t.path_of("columns"));
  t.finish();
  return m;
}

ConfirmationMapping read_confirmation(StrictTable& t) {
  ConfirmationMapping m;
  m.dialect = read_dialect(t);
  const auto columns = read_input_columns(t, {"operation_id", "status"}, {"reference", "message"});
  m.operation_id = value_or_empty(columns, "operation_id");
  m.status = value_or_empty(columns, "status");
  m.reference = value_or_empty(columns, "reference");
  m.message = value_or_empty(columns, "message");
  if (const toml::table* table = t.table("status_values", true)) {
    StrictTable s(*table, t.file(), t.path_of("status_values"), t.diagnostics());
    std::vector<std::pair<std::string, PlacedString>> all;  // (list, value)
    const auto read = [&](std::string_view key, bool required) {
      auto list = s.strings(key, required);
      if (list && list->empty()) s.error(key, "lists no value");
      if (list) {
        for (const auto& value : *list) {
          for (const auto& [other, earlier] : all) {
            if (same_ignoring_case(earlier.text, value.text)) {
              t.diagnostics().error(value.place, s.path_of(key),
                                    in_quotes(value.text) + " is also in " + s.path_of(other));
            }
          }
          all.emplace_back(key, value);
        }
      }
      return texts(list);
    };
    m.credited = read("credited", true);
    m.rejected = read("rejected", true);
    m.pending = read("pending", false);
    s.finish();
  }
  t.finish();
  return m;
}

TransactionMapping read_transactions(StrictTable& t, SectionChecks& checks) {
  TransactionMapping m;
  m.dialect = read_dialect(t);
  m.decimal = read_decimal(t, ",");
  if (auto pattern = t.string("date_format", true)) {
    auto compiled = DateFormat::compile(*pattern);
    if (auto* reason = std::get_if<std::string>(&compiled)) {
      t.error("date_format", in_quotes(*pattern) + ": " + *reason);
    } else {
      m.date_format = std::get<DateFormat>(std::move(compiled));
    }
  }
  m.amounts_negative = t.choice("amount_sign", {"positive", "negative"}, "positive") == "negative";
  m.payer = t.choice("payer", {"household", "account"}, "household") == "account"
                ? PayerKind::account
                : PayerKind::household;
  if (m.payer == PayerKind::account) {
    checks.account_uses.emplace_back(t.place_of_key("payer"), t.path_of("payer"));
  }
  const std::string unknown = t.choice("unknown_payers", {"keep", "skip"}, "keep");
  m.skip_unknown_payers = unknown == "skip";
  if (m.skip_unknown_payers && m.payer != PayerKind::account) {
    t.error("unknown_payers",
            "only with payer = \"account\": a household id cannot be unknown here");
  }
  const auto kinds = t.strings("purchase_kinds");
  m.purchase_kinds = texts(kinds);
  const auto columns =
      read_input_columns(t, {"payer", "merchant", "amount", "date"}, {"reference", "kind"});
  m.payer_column = value_or_empty(columns, "payer");
  m.merchant = value_or_empty(columns, "merchant");
  m.amount = value_or_empty(columns, "amount");
  m.date = value_or_empty(columns, "date");
  m.reference = value_or_empty(columns, "reference");
  m.kind = value_or_empty(columns, "kind");
  if (!m.kind.empty() && m.purchase_kinds.empty()) {
    t.error("columns", "a kind column needs purchase_kinds, the kinds that are purchases");
  }
  if (m.kind.empty() && kinds) {
    t.error("purchase_kinds", "needs a kind column in [" + t.path_of("columns") + "]");
  }
  t.finish();
  return m;
}

MerchantFileMapping read_merchants(StrictTable& t) {
  MerchantFileMapping m;
  m.table = read_table_format(t);
  m.include_all = t.choice("include", {"accredited", "all"}, "accredited") == "all";
  m.columns = read_output_columns(t, {"merchant_id", "name", "backend_ref", "status"});
  const bool status = std::any_of(m.columns.begin(), m.columns.end(), [](const OutputColumn& c) {
    return !c.is_constant && c.field == "status";
  });
  if (m.include_all && !status) {
    t.error("include", "\"all\" needs a \"status\" column, to tell withdrawn merchants apart");
  }
  if (const toml::table* table = t.table("status_values", status)) {
    StrictTable s(*table, t.file(), t.path_of("status_values"), t.diagnostics());
    m.accredited_value = s.string("accredited", true).value_or(m.accredited_value);
    m.withdrawn_value = s.string("withdrawn", true).value_or(m.withdrawn_value);
    if (m.accredited_value == m.withdrawn_value) {
      s.error("withdrawn", "same value as accredited");
    }
    if (!status) t.error("status_values", "no \"status\" column uses it");
    s.finish();
  }
  t.finish();
  return m;
}

AccountsMapping read_accounts(StrictTable& t) {
  AccountsMapping m;
  m.dialect = read_dialect(t);
  const auto columns = read_input_columns(t, {"household_id", "account"}, {});
  m.household_id = value_or_empty(columns, "household_id");
  m.account = value_or_empty(columns, "account");
  t.finish();
  return m;
}

}  // namespace caisse::adapters::file_exchange_kit
