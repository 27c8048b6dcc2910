#include "registry/export.hpp"

#include <array>

#include "csv/csv_writer.hpp"
#include "money/money.hpp"
#include "registry/formats.hpp"
#include "registry/merchants.hpp"

namespace caisse::host::registry {
namespace {

constexpr std::array<std::pair<ExportKind, std::string_view>, 5> kKinds = {{
    {ExportKind::households, "households"},
    {ExportKind::members, "members"},
    {ExportKind::contributions, "contributions"},
    {ExportKind::funders, "funders"},
    {ExportKind::merchants, "merchants"},
}};

// The file is built in memory (it is returned whole), so one query per export.
struct Query {
  std::vector<std::string> columns;
  std::string sql;  // $1 = caisse id; every column already as the file writes it
};

Query query_of(ExportKind kind, const ExportOptions& options) {
  switch (kind) {
    case ExportKind::households:
      return {
          format::kHouseholdColumns,
          "SELECT id, adults::text, children::text, joined_via, to_char(joined_on, 'YYYY-MM-DD'),"
          "       coalesce(to_char(left_on, 'YYYY-MM-DD'), '')"
          "  FROM registry_households WHERE caisse_id = $1 ORDER BY id"};
    case ExportKind::members:
      if (options.include_personal_data) {
        return {format::kMemberColumns,
                "SELECT id, household_id, name, coalesce(email, ''), coalesce(iban, '')"
                "  FROM registry_members WHERE caisse_id = $1 ORDER BY id"};
      }
      return {format::kMemberColumnsWithoutPersonalData,
              "SELECT id, household_id FROM registry_members WHERE caisse_id = $1 ORDER BY id"};
    case ExportKind::contributions:
      return {format::kContributionColumns,
              "SELECT household_id, amount_minor::text, method, lock_in_months::text,"
              "       from_month"
              "  FROM registry_contributions WHERE caisse_id = $1"
              " ORDER BY household_id, from_month"};
    case ExportKind::funders:
      return {format::kFunderColumns,
              "SELECT id, name, kind, earmark, coalesce(pledged_minor::text, ''),"
              "       coalesce(note, '')"
              "  FROM registry_funders WHERE caisse_id = $1 ORDER BY id"};
    case ExportKind::merchants:
      break;  // its columns depend on the caisse's instances: export_merchants()
  }
  return {};
}

// Which column of each kind holds cents, written as euros ("12.50") by money::format_decimal.
int amount_column(ExportKind kind) {
  switch (kind) {
    case ExportKind::contributions:
      return 1;
    case ExportKind::funders:
      return 4;
    default:
      return -1;
  }
}

}  // namespace

Result<ExportKind> parse_export_kind(std::string_view text) {
  for (const auto& [kind, name] : kKinds) {
    if (name == text) return kind;
  }
  return make_error("\"" + std::string(text) +
                        "\" is not an export kind (households, members, contributions, funders, "
                        "merchants)",
                    ErrorKind::invalid);
}

std::string_view to_string(ExportKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "unknown";
}

Result<std::string> export_csv(store::PgConnection& db, std::string_view caisse_id, ExportKind kind,
                               const ExportOptions& options) {
  if (kind == ExportKind::merchants) {
    return export_merchants(db, caisse_id, options.currency_instances);
  }
  const Query query = query_of(kind, options);
  auto rows = db.exec_params(query.sql, {std::string(caisse_id)});
  if (!rows) return rows.error();
  const int amount = amount_column(kind);
  csv::Writer writer(query.columns);
  std::vector<std::string> fields(query.columns.size());
  for (int r = 0; r < rows->rows(); ++r) {
    for (int c = 0; c < rows->columns(); ++c) {
      fields[static_cast<std::size_t>(c)] = std::string(rows->get(r, c));
      if (c == amount && !rows->is_null(r, c) && !rows->get(r, c).empty()) {
        fields[static_cast<std::size_t>(c)] =
            money::format_decimal(std::stoll(std::string(rows->get(r, c))), format::kEuroMinorUnit);
      }
    }
    writer.row(fields);
  }
  return writer.take();
}

}  // namespace caisse::host::registry
