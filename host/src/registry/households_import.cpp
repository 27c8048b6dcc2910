// households.csv: household_id, adults, children, joined_via, joined_on, left_on. Upserted by
// household_id.
#include <map>

#include "registry/formats.hpp"
#include "registry/import_support.hpp"

namespace caisse::host::registry::detail {
namespace {

struct HouseholdRow {
  std::string id;
  std::int64_t adults = 0;
  std::int64_t children = 0;
  std::string joined_via;
  csv::Date joined_on;
  std::optional<csv::Date> left_on;
};

constexpr const char* kUpsert = R"sql(
INSERT INTO registry_households AS h
    (caisse_id, id, adults, children, joined_via, joined_on, left_on)
VALUES ($1, $2, $3::integer, $4::integer, $5, $6::date, $7::date)
ON CONFLICT (caisse_id, id) DO UPDATE
   SET adults = EXCLUDED.adults, children = EXCLUDED.children,
       joined_via = EXCLUDED.joined_via, joined_on = EXCLUDED.joined_on,
       left_on = EXCLUDED.left_on, updated_at = now()
 WHERE (h.adults, h.children, h.joined_via, h.joined_on, h.left_on) IS DISTINCT FROM
       (EXCLUDED.adults, EXCLUDED.children, EXCLUDED.joined_via, EXCLUDED.joined_on,
        EXCLUDED.left_on)
RETURNING (xmax = 0)
)sql";

std::optional<HouseholdRow> read_row(const csv::Record& record, Problems& problems) {
  auto id = problems.take(identifier(record, "household_id"));
  auto adults = problems.take(bounded_number(record, "adults", 1, format::kMaxPeople));
  auto children = problems.take(bounded_number(record, "children", 0, format::kMaxPeople));
  auto via = problems.take(one_of(record, "joined_via", format::kJoinedVia));
  auto joined = problems.take(record.date("joined_on"));
  auto left = problems.take(record.optional_date("left_on"));
  if (!id || !adults || !children || !via || !joined || !left) return std::nullopt;
  if (*left && **left < *joined) {
    problems.add(record.error(
        "left_on", csv::format_date(**left) + " is before joined_on " + csv::format_date(*joined)));
    return std::nullopt;
  }
  return HouseholdRow{*id, *adults, *children, *via, *joined, *left};
}

}  // namespace

Result<ImportReport> import_households(store::PgConnection& db, const config::CaisseConfig& caisse,
                                       const csv::Table& table) {
  Problems problems;
  std::vector<HouseholdRow> rows;
  std::map<std::string, std::size_t> first_line;
  for (const auto& record : table.records) {
    const bool fresh = first_seen(record, "household_id", first_line, problems);
    auto row = read_row(record, problems);
    if (row && fresh) rows.push_back(std::move(*row));
  }
  if (!problems.empty()) return problems.error();

  ImportReport report{ImportKind::households};
  for (const auto& row : rows) {
    auto done = upsert(db, kUpsert,
                       {caisse.id, row.id, std::to_string(row.adults), std::to_string(row.children),
                        row.joined_via, csv::format_date(row.joined_on), sql_date(row.left_on)},
                       report);
    if (!done) return done.error();
  }
  return report;
}

}  // namespace caisse::host::registry::detail
