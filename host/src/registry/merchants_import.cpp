// merchants.csv: merchant_id, name, accredited (yes or no), an optional bonus (yes or no) and an
// optional ref:<instance> column per currency instance. Upserted by merchant_id; a merchant counts
// as updated when its name, its accreditation or one of the references in the file changed.
#include <map>

#include "csv/csv_writer.hpp"
#include "registry/formats.hpp"
#include "registry/import_support.hpp"
#include "registry/merchants.hpp"

namespace caisse::host::registry::detail {
namespace {

// One ref:<instance> cell: the reference, or nullopt when the cell is empty (the backend does
// not know the merchant).
struct RefCell {
  std::string instance;
  std::optional<std::string> ref;
};

struct MerchantRow {
  std::size_t line = 0;
  std::string id;
  std::string name;
  bool accredited = false;
  std::optional<bool> bonus;  // nullopt: the file has no bonus column, the flag stays
  std::vector<RefCell> refs;  // only the instances whose column the file has
};

// The accreditation's date moves only when `accredited` does: a renamed merchant keeps it. A
// NULL $5 (no bonus column) keeps the bonus flag, or starts a new merchant without.
constexpr const char* kUpsertMerchant = R"sql(
INSERT INTO registry_merchants AS m (caisse_id, id, name, accredited, bonus)
VALUES ($1, $2, $3, $4::boolean, coalesce($5::boolean, false))
ON CONFLICT (caisse_id, id) DO UPDATE
   SET name = EXCLUDED.name, accredited = EXCLUDED.accredited,
       bonus = coalesce($5::boolean, m.bonus), updated_at = now(),
       accreditation_changed_at = CASE WHEN m.accredited = EXCLUDED.accredited
                                       THEN m.accreditation_changed_at ELSE now() END
 WHERE (m.name, m.accredited, m.bonus)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.accredited, coalesce($5::boolean, m.bonus))
RETURNING (xmax = 0)
)sql";

constexpr const char* kUpsertRef = R"sql(
INSERT INTO registry_merchant_refs AS r (caisse_id, merchant_id, instance, backend_ref)
VALUES ($1, $2, $3, $4)
ON CONFLICT (caisse_id, merchant_id, instance) DO UPDATE
   SET backend_ref = EXCLUDED.backend_ref
 WHERE r.backend_ref <> EXCLUDED.backend_ref
RETURNING 1
)sql";

constexpr const char* kDeleteRef =
    "DELETE FROM registry_merchant_refs WHERE caisse_id = $1 AND merchant_id = $2 AND "
    "instance = $3";

// References held by two merchants once the file is written: a row of the file and a merchant
// the file did not change for that instance. Checked before the commit (the constraint is
// deferred), so the operator gets the line instead of a constraint name.
constexpr const char* kSharedRefs = R"sql(
SELECT instance, backend_ref, merchant_id FROM registry_merchant_refs
 WHERE caisse_id = $1 AND (instance, backend_ref) IN (
       SELECT instance, backend_ref FROM registry_merchant_refs WHERE caisse_id = $1
        GROUP BY instance, backend_ref HAVING count(*) > 1)
 ORDER BY instance, backend_ref, merchant_id
)sql";

bool is_ref_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '/' || c == ':' || c == '@' || c == '+' || c == '-';
}

Result<std::optional<std::string>> backend_ref(const csv::Record& record, std::string_view column) {
  if (record.text(column).empty()) return std::optional<std::string>();
  auto text = record.required_text(column);
  if (!text) return text.error();
  std::string ref(csv::without_formula_guard(*text));  // "+33…" is exported as "'+33…"
  bool valid = !ref.empty() && ref.size() <= format::kMaxBackendRefLength;
  for (char c : ref) valid = valid && is_ref_character(c);
  if (!valid) {
    return record.error(column, "\"" + *text +
                                    "\" is not a reference (1 to 100 letters, digits, "
                                    "_ . / : @ + or -)");
  }
  return std::optional<std::string>(std::move(ref));
}

std::optional<MerchantRow> read_row(const csv::Record& record,
                                    const std::vector<std::string>& currency_instances,
                                    Problems& problems) {
  auto id = problems.take(identifier(record, "merchant_id"));
  auto name = problems.take(bounded_text(record, "name"));
  auto accredited = problems.take(one_of(record, "accredited", format::kAccredited));
  std::optional<bool> bonus;
  bool bonus_valid = true;
  if (record.has(format::kMerchantBonusColumn) &&
      record.text(format::kMerchantBonusColumn).empty()) {
    bonus = false;  // a file with the column says no by leaving the cell empty
  } else if (record.has(format::kMerchantBonusColumn)) {
    auto flag = problems.take(one_of(record, format::kMerchantBonusColumn, format::kAccredited));
    bonus_valid = flag.has_value();
    if (flag) bonus = *flag == "yes";
  }
  std::vector<RefCell> refs;
  bool refs_valid = true;
  for (const auto& instance : currency_instances) {
    const std::string column = merchant_ref_column(instance);
    if (!record.has(column)) continue;
    auto ref = problems.take(backend_ref(record, column));
    refs_valid = refs_valid && ref.has_value();
    if (ref) refs.push_back({instance, std::move(*ref)});
  }
  if (!id || !name || !accredited || !bonus_valid || !refs_valid) return std::nullopt;
  return MerchantRow{record.line(), *id, *name, *accredited == "yes", bonus, std::move(refs)};
}

// Reports a reference written on two lines of the file for the same instance.
void check_refs_unique_in_file(const std::vector<MerchantRow>& rows, const csv::Table& table,
                               Problems& problems) {
  std::map<std::pair<std::string, std::string>, std::size_t> first_line;
  for (const auto& row : rows) {
    for (const auto& cell : row.refs) {
      if (!cell.ref) continue;
      auto [seen, fresh] = first_line.emplace(std::pair{cell.instance, *cell.ref}, row.line);
      if (fresh) continue;
      problems.add(table.header->file + ":" + std::to_string(row.line) + ": column " +
                   merchant_ref_column(cell.instance) + ": \"" + *cell.ref +
                   "\" already appears on line " + std::to_string(seen->second));
    }
  }
}

// Writes the row's references; true when one of them changed.
Result<bool> write_refs(store::PgConnection& db, const std::string& caisse_id,
                        const MerchantRow& row) {
  bool changed = false;
  for (const auto& cell : row.refs) {
    auto done = cell.ref ? db.exec_params(kUpsertRef, {caisse_id, row.id, cell.instance, *cell.ref})
                         : db.exec_params(kDeleteRef, {caisse_id, row.id, cell.instance});
    if (!done) return done.error();
    changed = changed || done->rows() > 0 || done->affected_rows() > 0;
  }
  return changed;
}

// After the writes: every reference now held by another merchant than the file's row.
Result<void> check_refs_unique_in_caisse(store::PgConnection& db, const std::string& caisse_id,
                                         const std::vector<MerchantRow>& rows,
                                         const csv::Table& table, Problems& problems) {
  auto shared = db.exec_params(kSharedRefs, {caisse_id});
  if (!shared) return shared.error();
  // (instance, ref) -> the merchants holding it.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> holders;
  for (int r = 0; r < shared->rows(); ++r) {
    holders[{std::string(shared->get(r, 0)), std::string(shared->get(r, 1))}].emplace_back(
        shared->get(r, 2));
  }
  for (const auto& row : rows) {
    for (const auto& cell : row.refs) {
      if (!cell.ref) continue;
      auto found = holders.find({cell.instance, *cell.ref});
      if (found == holders.end()) continue;
      for (const auto& other : found->second) {
        if (other == row.id) continue;
        problems.add(table.header->file + ":" + std::to_string(row.line) + ": column " +
                     merchant_ref_column(cell.instance) + ": \"" + *cell.ref +
                     "\" is already the reference of merchant " + other + " at " + cell.instance);
      }
    }
  }
  return {};
}

}  // namespace

Result<ImportReport> import_merchants(store::PgConnection& db, const config::CaisseConfig& caisse,
                                      const std::vector<std::string>& currency_instances,
                                      const csv::Table& table) {
  Problems problems;
  std::vector<MerchantRow> rows;
  std::map<std::string, std::size_t> first_line;
  for (const auto& record : table.records) {
    const bool fresh = first_seen(record, "merchant_id", first_line, problems);
    auto row = read_row(record, currency_instances, problems);
    if (row && fresh) rows.push_back(std::move(*row));
  }
  check_refs_unique_in_file(rows, table, problems);
  if (!problems.empty()) return problems.error();

  ImportReport report{ImportKind::merchants};
  for (const auto& row : rows) {
    auto merchant = db.exec_params(
        kUpsertMerchant,
        {caisse.id, row.id, row.name, row.accredited ? "true" : "false",
         row.bonus ? std::optional<std::string>(*row.bonus ? "true" : "false") : std::nullopt});
    if (!merchant) return merchant.error();
    auto refs_changed = write_refs(db, caisse.id, row);
    if (!refs_changed) return refs_changed.error();
    if (merchant->rows() > 0 && merchant->get(0, 0) == "t") {
      ++report.inserted;
    } else if (merchant->rows() > 0 || *refs_changed) {
      ++report.updated;
    } else {
      ++report.unchanged;
    }
  }
  if (auto checked = check_refs_unique_in_caisse(db, caisse.id, rows, table, problems); !checked) {
    return checked.error();
  }
  if (!problems.empty()) return problems.error();  // the transaction rolls back
  return report;
}

}  // namespace caisse::host::registry::detail
