// merchants.csv: merchant_id, name, accredited (yes or no), the optional columns bonus, kind,
// location, account_opened, documents_received and qr_issued, and an optional ref:<instance>
// column per currency instance. Upserted by merchant_id; a merchant counts as updated when one of
// its values or one of the references in the file changed. `accredited` is the committee's word
// only for a merchant without a decision in force; for one with a decision, the file must agree
// with it (docs/conventionnement.md). The payment gate is brought up to date before the commit.
#include <array>
#include <map>

#include "csv/csv_writer.hpp"
#include "registry/formats.hpp"
#include "registry/import_support.hpp"
#include "registry/merchants.hpp"
#include "registry/merchants_gate.hpp"
#include "store/text_array.hpp"

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
  // Each nullopt when the file lacks the column: the value stays, or a new merchant gets the
  // default of formats.hpp.
  std::optional<bool> bonus;
  std::optional<std::string> kind;
  std::optional<std::string> location;
  std::array<std::optional<bool>, 3> onboarding;  // format::kMerchantOnboardingColumns
  std::vector<RefCell> refs;                      // only the instances whose column the file has
};

// The file's `accredited` goes to listed_accredited; the gate (accredited) is set here for a new
// merchant only and otherwise by refresh_merchant_gates. A NULL parameter (a column the file
// lacks) keeps the value, or starts a new merchant with the default.
constexpr const char* kUpsertMerchant = R"sql(
INSERT INTO registry_merchants AS m (caisse_id, id, name, accredited, listed_accredited, bonus,
                                     kind, location, account_opened, documents_received, qr_issued)
VALUES ($1, $2, $3, $4::boolean, $4::boolean, coalesce($5::boolean, false), coalesce($6, 'shop'),
        coalesce($7, ''), coalesce($8::boolean, true), coalesce($9::boolean, true),
        coalesce($10::boolean, true))
ON CONFLICT (caisse_id, id) DO UPDATE
   SET name = EXCLUDED.name, listed_accredited = EXCLUDED.listed_accredited,
       bonus = coalesce($5::boolean, m.bonus), kind = coalesce($6, m.kind),
       location = coalesce($7, m.location),
       account_opened = coalesce($8::boolean, m.account_opened),
       documents_received = coalesce($9::boolean, m.documents_received),
       qr_issued = coalesce($10::boolean, m.qr_issued), updated_at = now()
 WHERE (m.name, m.listed_accredited, m.bonus, m.kind, m.location, m.account_opened,
        m.documents_received, m.qr_issued)
       IS DISTINCT FROM
       (EXCLUDED.name, EXCLUDED.listed_accredited, coalesce($5::boolean, m.bonus),
        coalesce($6, m.kind), coalesce($7, m.location), coalesce($8::boolean, m.account_opened),
        coalesce($9::boolean, m.documents_received), coalesce($10::boolean, m.qr_issued))
RETURNING (xmax = 0)
)sql";

// The merchants of the file that have a committee decision in force today, with their standing.
constexpr const char* kDecided = R"sql(
SELECT s.merchant_id, s.standing, s.decision_id FROM merchant_standings($1, current_date) s
 WHERE s.decision_id IS NOT NULL AND s.merchant_id = ANY($2::text[])
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

// An optional yes/no column: nullopt when the file lacks it; a file with the column says no by
// leaving the cell empty.
Result<std::optional<bool>> optional_flag(const csv::Record& record, std::string_view column) {
  if (!record.has(column)) return std::optional<bool>();
  if (record.text(column).empty()) return std::optional<bool>(false);
  auto flag = one_of(record, column, format::kAccredited);
  if (!flag) return flag.error();
  return std::optional<bool>(*flag == "yes");
}

Result<std::optional<std::string>> optional_kind(const csv::Record& record) {
  if (!record.has(format::kMerchantKindColumn)) return std::optional<std::string>();
  auto kind = one_of(record, format::kMerchantKindColumn, format::kMerchantKinds);
  if (!kind) return kind.error();
  return std::optional<std::string>(std::move(kind.value()));
}

// Where it is: free text, possibly empty (no address recorded).
Result<std::optional<std::string>> optional_location(const csv::Record& record) {
  if (!record.has(format::kMerchantLocationColumn)) return std::optional<std::string>();
  if (record.text(format::kMerchantLocationColumn).empty()) return std::optional<std::string>("");
  auto text = bounded_text(record, format::kMerchantLocationColumn);
  if (!text) return text.error();
  return std::optional<std::string>(std::move(text.value()));
}

std::optional<MerchantRow> read_row(const csv::Record& record,
                                    const std::vector<std::string>& currency_instances,
                                    Problems& problems) {
  auto id = problems.take(identifier(record, "merchant_id"));
  auto name = problems.take(bounded_text(record, "name"));
  auto accredited = problems.take(one_of(record, "accredited", format::kAccredited));
  auto bonus = problems.take(optional_flag(record, format::kMerchantBonusColumn));
  auto kind = problems.take(optional_kind(record));
  auto location = problems.take(optional_location(record));
  std::array<std::optional<bool>, 3> onboarding;
  bool onboarding_valid = true;
  for (std::size_t i = 0; i < onboarding.size(); ++i) {
    auto step = problems.take(optional_flag(record, format::kMerchantOnboardingColumns[i]));
    onboarding_valid = onboarding_valid && step.has_value();
    if (step) onboarding[i] = *step;
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
  if (!id || !name || !accredited || !bonus || !kind || !location || !onboarding_valid ||
      !refs_valid) {
    return std::nullopt;
  }
  MerchantRow row;
  row.line = record.line();
  row.id = std::move(*id);
  row.name = std::move(*name);
  row.accredited = *accredited == "yes";
  row.bonus = *bonus;
  row.kind = std::move(*kind);
  row.location = std::move(*location);
  row.onboarding = onboarding;
  row.refs = std::move(refs);
  return row;
}

std::optional<std::string> sql_flag(const std::optional<bool>& flag) {
  if (!flag) return std::nullopt;
  return std::string(*flag ? "true" : "false");
}

// A merchant with a committee decision in force is accredited or not by that decision: a file
// saying otherwise is refused, so that a spreadsheet cannot quietly undo the committee (nor a
// decision be lost under an old file). The committee records a new decision instead.
Result<void> check_agrees_with_decisions(store::PgConnection& db, const std::string& caisse_id,
                                         const std::vector<MerchantRow>& rows,
                                         const csv::Table& table, Problems& problems) {
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.id);
  auto decided = db.exec_params(kDecided, {caisse_id, store::text_array(ids)});
  if (!decided) return decided.error();
  std::map<std::string, std::pair<std::string, std::string>> standing;  // id -> standing, decision
  for (int r = 0; r < decided->rows(); ++r) {
    standing[std::string(decided->get(r, 0))] = {std::string(decided->get(r, 1)),
                                                 std::string(decided->get(r, 2))};
  }
  for (const auto& row : rows) {
    auto found = standing.find(row.id);
    if (found == standing.end() || (found->second.first == "accredited") == row.accredited) {
      continue;
    }
    problems.add(table.header->file + ":" + std::to_string(row.line) + ": column accredited: \"" +
                 (row.accredited ? "yes" : "no") + "\" disagrees with the committee: merchant " +
                 row.id + " is " + found->second.first + " by decision " + found->second.second +
                 " (record a new decision to change it, or write " +
                 (row.accredited ? "no" : "yes") + ")");
  }
  return {};
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
  if (auto agreed = check_agrees_with_decisions(db, caisse.id, rows, table, problems); !agreed) {
    return agreed.error();
  }
  if (!problems.empty()) return problems.error();

  ImportReport report{ImportKind::merchants};
  for (const auto& row : rows) {
    auto merchant = db.exec_params(
        kUpsertMerchant, {caisse.id, row.id, row.name, sql_flag(row.accredited),
                          sql_flag(row.bonus), row.kind, row.location, sql_flag(row.onboarding[0]),
                          sql_flag(row.onboarding[1]), sql_flag(row.onboarding[2])});
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
  auto gates = refresh_merchant_gates(db, caisse.id, std::nullopt, table.header->file);
  if (!gates) return gates.error();
  return report;
}

}  // namespace caisse::host::registry::detail
