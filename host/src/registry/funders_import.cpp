// funders.csv: funder_id, name, kind, earmark, pledged_amount, note. Upserted by funder_id.
#include <map>

#include "money/money.hpp"
#include "registry/formats.hpp"
#include "registry/import_support.hpp"

namespace caisse::host::registry::detail {
namespace {

struct FunderRow {
  std::string id;
  std::string name;
  std::string kind;
  std::string earmark;
  std::optional<std::int64_t> pledged_minor;
  std::optional<std::string> note;
};

constexpr const char* kUpsert = R"sql(
INSERT INTO registry_funders AS f (caisse_id, id, name, kind, earmark, pledged_minor, note)
VALUES ($1, $2, $3, $4, $5, $6::bigint, $7)
ON CONFLICT (caisse_id, id) DO UPDATE
   SET name = EXCLUDED.name, kind = EXCLUDED.kind, earmark = EXCLUDED.earmark,
       pledged_minor = EXCLUDED.pledged_minor, note = EXCLUDED.note, updated_at = now()
 WHERE (f.name, f.kind, f.earmark, f.pledged_minor, f.note) IS DISTINCT FROM
       (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.earmark, EXCLUDED.pledged_minor, EXCLUDED.note)
RETURNING (xmax = 0)
)sql";

std::optional<FunderRow> read_row(const csv::Record& record, Problems& problems) {
  auto id = problems.take(identifier(record, "funder_id"));
  auto name = problems.take(bounded_text(record, "name"));
  auto kind = problems.take(one_of(record, "kind", format::kFunderKinds));
  auto earmark = problems.take(one_of(record, "earmark", format::kEarmarks));
  std::optional<std::optional<std::int64_t>> pledged;
  if (record.text("pledged_amount").empty()) {
    pledged.emplace();
  } else if (auto amount = problems.take(euro_amount(record, "pledged_amount", 0))) {
    pledged.emplace(*amount);
  }
  std::optional<std::optional<std::string>> note;
  if (record.text("note").empty()) {
    note.emplace();
  } else if (auto text = problems.take(bounded_text(record, "note"))) {
    note.emplace(std::move(*text));
  }
  if (!id || !name || !kind || !earmark || !pledged || !note) return std::nullopt;
  return FunderRow{*id, *name, *kind, *earmark, *pledged, *note};
}

}  // namespace

Result<ImportReport> import_funders(store::PgConnection& db, const config::CaisseConfig& caisse,
                                    const csv::Table& table) {
  Problems problems;
  std::vector<FunderRow> rows;
  std::map<std::string, std::size_t> first_line;
  for (const auto& record : table.records) {
    const bool fresh = first_seen(record, "funder_id", first_line, problems);
    auto row = read_row(record, problems);
    if (row && fresh) rows.push_back(std::move(*row));
  }
  if (!problems.empty()) return problems.error();

  ImportReport report{ImportKind::funders};
  for (const auto& row : rows) {
    std::optional<std::string> pledged;
    if (row.pledged_minor) pledged = std::to_string(*row.pledged_minor);
    auto done =
        upsert(db, kUpsert, {caisse.id, row.id, row.name, row.kind, row.earmark, pledged, row.note},
               report);
    if (!done) return done.error();
  }
  return report;
}

}  // namespace caisse::host::registry::detail
