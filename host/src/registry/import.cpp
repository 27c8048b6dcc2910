#include "registry/import.hpp"

#include <algorithm>
#include <array>

#include "csv/csv_writer.hpp"
#include "registry/formats.hpp"
#include "registry/import_support.hpp"
#include "registry/merchants.hpp"
#include "store/text_array.hpp"
#include "store/transaction.hpp"

namespace caisse::host::registry {
namespace {

constexpr std::array<std::pair<ImportKind, std::string_view>, 6> kKinds = {{
    {ImportKind::households, "households"},
    {ImportKind::members, "members"},
    {ImportKind::contributions, "contributions"},
    {ImportKind::funders, "funders"},
    {ImportKind::receipts, "receipts"},
    {ImportKind::merchants, "merchants"},
}};

const std::vector<std::string>& columns_of(ImportKind kind) {
  switch (kind) {
    case ImportKind::households:
      return format::kHouseholdColumns;
    case ImportKind::members:
      return format::kMemberColumns;
    case ImportKind::contributions:
      return format::kContributionColumns;
    case ImportKind::funders:
      return format::kFunderColumns;
    case ImportKind::receipts:
      return format::kReceiptColumns;
    case ImportKind::merchants:
      return format::kMerchantColumns;
  }
  return format::kHouseholdColumns;
}

// Every column of the kind is required; a merchants file may also have the optional columns of
// formats.hpp and ref:<instance> columns.
csv::ReadOptions read_options(ImportKind kind, const ImportContext& context) {
  csv::ReadOptions options;
  for (const auto& column : columns_of(kind)) options.columns.push_back({column, true});
  if (kind == ImportKind::merchants) {
    options.columns.push_back({std::string(format::kMerchantBonusColumn), false});
    options.columns.push_back({std::string(format::kMerchantKindColumn), false});
    options.columns.push_back({std::string(format::kMerchantLocationColumn), false});
    for (auto step : format::kMerchantOnboardingColumns) {
      options.columns.push_back({std::string(step), false});
    }
    for (const auto& instance : context.currency_instances) {
      options.columns.push_back({merchant_ref_column(instance), false});
    }
  }
  return options;
}

bool is_identifier(std::string_view text, std::size_t max_length) {
  if (text.empty() || text.size() > max_length) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

std::string in_quotes(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

}  // namespace

Result<ImportKind> parse_import_kind(std::string_view text) {
  for (const auto& [kind, name] : kKinds) {
    if (name == text) return kind;
  }
  return make_error(in_quotes(text) +
                        " is not an import kind (households, members, contributions, funders, "
                        "receipts, merchants)",
                    ErrorKind::invalid);
}

std::string_view to_string(ImportKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "unknown";
}

Result<ImportReport> import_csv(store::PgConnection& db, const config::CaisseConfig& caisse,
                                ImportKind kind, std::string_view file_name, std::string_view bytes,
                                const ImportContext& context) {
  auto table = csv::read_csv(file_name, bytes, read_options(kind, context));
  if (!table) return table.error();

  auto transaction = store::Transaction::begin(db);
  if (!transaction) return transaction.error();
  // Imports into one caisse take turns, so that checks such as a commitment's lock-in see the
  // rows another import is writing.
  auto locked =
      db.exec_params("SELECT pg_advisory_xact_lock(hashtext('registry:' || $1))", {caisse.id});
  if (!locked) return locked.error();

  Result<ImportReport> report = [&]() -> Result<ImportReport> {
    switch (kind) {
      case ImportKind::households:
        return detail::import_households(db, caisse, *table);
      case ImportKind::members:
        return detail::import_members(db, caisse, *table);
      case ImportKind::contributions:
        return detail::import_contributions(db, caisse, *table);
      case ImportKind::funders:
        return detail::import_funders(db, caisse, *table);
      case ImportKind::receipts:
        return detail::import_receipts(db, caisse, *table);
      case ImportKind::merchants:
        return detail::import_merchants(db, caisse, context.currency_instances, *table);
    }
    return make_error("unknown import kind");
  }();
  if (!report) return report.error();  // the transaction rolls back
  report->kind = kind;
  report->file_lines = table->records.size();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return report;
}

namespace detail {

Error Problems::error() const {
  constexpr std::size_t kShown = 200;
  std::string out;
  for (std::size_t i = 0; i < lines_.size() && i < kShown; ++i) {
    if (i > 0) out += '\n';
    out += lines_[i];
  }
  if (lines_.size() > kShown) {
    out += "\n… and " + std::to_string(lines_.size() - kShown) + " more problems";
  }
  return make_error(out, ErrorKind::invalid);
}

bool first_seen(const csv::Record& record, std::string_view column,
                std::map<std::string, std::size_t>& first_line, Problems& problems) {
  std::string_view key = record.text(column);
  if (key.empty()) return true;
  auto [seen, fresh] = first_line.emplace(std::string(key), record.line());
  if (!fresh) {
    problems.add(record.error(
        column, in_quotes(key) + " already appears on line " + std::to_string(seen->second)));
  }
  return fresh;
}

void References::note(const csv::Record& record) {
  std::string_view id = record.text(column_);
  if (is_identifier(id, format::kMaxIdLength)) noted_.emplace_back(record.line(), std::string(id));
}

Result<std::set<std::string>> References::check(store::PgConnection& db, std::string_view caisse_id,
                                                const csv::Table& table, Problems& problems) const {
  std::vector<std::string> ids;
  for (const auto& [line, id] : noted_) ids.push_back(id);
  auto known = existing_ids(db, table_, caisse_id, ids);
  if (!known) return known.error();
  for (const auto& [line, id] : noted_) {
    if (known->count(id) > 0) continue;
    problems.add(table.header->file + ":" + std::to_string(line) + ": column " + column_ + ": no " +
                 what_ + " " + in_quotes(id) + " in caisse " + std::string(caisse_id) + " (" +
                 hint_ + ")");
  }
  return known;
}

Result<std::string> identifier(const csv::Record& record, std::string_view column) {
  auto text = record.required_text(column);
  if (!text) return text.error();
  if (!is_identifier(*text, format::kMaxIdLength)) {
    return record.error(
        column, in_quotes(*text) + " is not an id (1 to 64 letters A-Z a-z, digits, _ or -)");
  }
  return text;
}

Result<std::optional<std::string>> optional_identifier(const csv::Record& record,
                                                       std::string_view column) {
  if (record.text(column).empty()) return std::optional<std::string>();
  auto id = identifier(record, column);
  if (!id) return id.error();
  return std::optional<std::string>(std::move(id.value()));
}

Result<std::string> one_of(const csv::Record& record, std::string_view column,
                           const std::vector<std::string_view>& allowed) {
  std::string_view text = record.text(column);
  if (text.empty()) {
    std::string list;
    for (auto word : allowed) list += (list.empty() ? "" : ", ") + std::string(word);
    return record.error(column, "is empty, expected one of " + list);
  }
  for (auto word : allowed) {
    if (word == text) return std::string(text);
  }
  std::string list;
  for (auto word : allowed) list += (list.empty() ? "" : ", ") + std::string(word);
  return record.error(column, in_quotes(text) + " is not one of " + list);
}

Result<std::string> bounded_text(const csv::Record& record, std::string_view column) {
  auto text = record.required_text(column);
  if (!text) return text.error();
  *text = std::string(csv::without_formula_guard(*text));  // as export_csv() wrote it
  if (text->size() > format::kMaxTextLength) {
    return record.error(column,
                        "is longer than " + std::to_string(format::kMaxTextLength) + " characters");
  }
  return text;
}

Result<std::int64_t> bounded_number(const csv::Record& record, std::string_view column,
                                    std::int64_t min, std::int64_t max) {
  auto number = record.whole_number(column);
  if (!number) return number.error();
  if (*number < min) {
    return record.error(column, std::to_string(*number) + " is less than " + std::to_string(min));
  }
  if (*number > max) {
    return record.error(column, std::to_string(*number) + " is more than " + std::to_string(max));
  }
  return number;
}

Result<std::int64_t> euro_amount(const csv::Record& record, std::string_view column,
                                 std::int64_t min_cents) {
  auto amount = record.amount(column, format::kEuroMinorUnit);
  if (!amount) return amount.error();
  if (*amount < min_cents) {
    return record.error(column, in_quotes(record.text(column)) +
                                    (min_cents > 0 ? " is not a positive amount" : " is negative"));
  }
  return amount;
}

Result<std::set<std::string>> existing_ids(store::PgConnection& db, std::string_view table,
                                           std::string_view caisse_id,
                                           const std::vector<std::string>& ids) {
  std::set<std::string> found;
  if (ids.empty()) return found;
  auto rows = db.exec_params(
      "SELECT id FROM " + std::string(table) + " WHERE caisse_id = $1 AND id = ANY($2::text[])",
      {std::string(caisse_id), store::text_array(ids)});
  if (!rows) return rows.error();
  for (int r = 0; r < rows->rows(); ++r) found.insert(std::string(rows->get(r, 0)));
  return found;
}

Result<void> upsert(store::PgConnection& db, std::string_view sql,
                    const std::vector<std::optional<std::string>>& params, ImportReport& report) {
  auto done = db.exec_params(sql, params);
  if (!done) return done.error();
  if (done->rows() == 0) {
    ++report.unchanged;
  } else if (done->get(0, 0) == "t") {
    ++report.inserted;
  } else {
    ++report.updated;
  }
  return {};
}

std::optional<std::string> sql_date(const std::optional<csv::Date>& date) {
  if (!date) return std::nullopt;
  return csv::format_date(*date);
}

}  // namespace detail
}  // namespace caisse::host::registry
