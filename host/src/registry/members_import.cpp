// members.csv: member_id, household_id, name, email, iban. Upserted by member_id. Names, emails
// and IBANs are personal data: errors about them never quote them (an IBAN is shown masked).
#include <map>

#include "csv/csv_writer.hpp"
#include "registry/formats.hpp"
#include "registry/iban.hpp"
#include "registry/import_support.hpp"

namespace caisse::host::registry::detail {
namespace {

struct MemberRow {
  std::size_t line = 0;
  std::string id;
  std::string household_id;
  std::string name;
  std::optional<std::string> email;
  std::optional<std::string> iban;
};

constexpr const char* kUpsert = R"sql(
INSERT INTO registry_members AS m (caisse_id, id, household_id, name, email, iban)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (caisse_id, id) DO UPDATE
   SET household_id = EXCLUDED.household_id, name = EXCLUDED.name, email = EXCLUDED.email,
       iban = EXCLUDED.iban, updated_at = now()
 WHERE (m.household_id, m.name, m.email, m.iban) IS DISTINCT FROM
       (EXCLUDED.household_id, EXCLUDED.name, EXCLUDED.email, EXCLUDED.iban)
RETURNING (xmax = 0)
)sql";

bool surrounded_by_space(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  return !text.empty() && (space(text.front()) || space(text.back()));
}

Result<std::string> name_of(const csv::Record& record) {
  std::string_view text = csv::without_formula_guard(record.text("name"));
  if (text.empty()) return record.error("name", "is empty");
  if (surrounded_by_space(text)) return record.error("name", "starts or ends with a space");
  if (text.size() > format::kMaxTextLength) {
    return record.error("name",
                        "is longer than " + std::to_string(format::kMaxTextLength) + " characters");
  }
  return std::string(text);
}

// Deliberately loose (the address is checked by mail, not here) but catches a name or a phone
// number typed into the wrong column. Never quotes the address.
Result<std::optional<std::string>> email_of(const csv::Record& record) {
  std::string_view text = csv::without_formula_guard(record.text("email"));
  if (text.empty()) return std::optional<std::string>();
  if (surrounded_by_space(text)) return record.error("email", "starts or ends with a space");
  const auto at = text.find('@');
  const bool valid = at != std::string_view::npos && at > 0 && at + 1 < text.size() &&
                     text.find('@', at + 1) == std::string_view::npos &&
                     text.find_first_of(" \t,;<>\"") == std::string_view::npos &&
                     text.substr(at + 1).find('.') != std::string_view::npos &&
                     text.back() != '.' && text.size() <= 254;
  if (!valid) return record.error("email", "is not an email address (expected name@example.org)");
  return std::optional<std::string>(std::string(text));
}

Result<std::optional<std::string>> iban_of(const csv::Record& record) {
  std::string_view text = record.text("iban");
  if (text.empty()) return std::optional<std::string>();
  auto iban = normalize_iban(text);
  if (!iban) return record.error("iban", iban.error().message);
  return std::optional<std::string>(std::move(iban.value()));
}

std::optional<MemberRow> read_row(const csv::Record& record, Problems& problems) {
  auto id = problems.take(identifier(record, "member_id"));
  auto household = problems.take(identifier(record, "household_id"));
  auto name = problems.take(name_of(record));
  auto email = problems.take(email_of(record));
  auto iban = problems.take(iban_of(record));
  if (!id || !household || !name || !email || !iban) return std::nullopt;
  return MemberRow{record.line(), *id, *household, *name, *email, *iban};
}

}  // namespace

Result<ImportReport> import_members(store::PgConnection& db, const config::CaisseConfig& caisse,
                                    const csv::Table& table) {
  Problems problems;
  std::vector<MemberRow> rows;
  std::map<std::string, std::size_t> first_line;
  References households("registry_households", "household_id", "household",
                        "import the households first");
  for (const auto& record : table.records) {
    const bool fresh = first_seen(record, "member_id", first_line, problems);
    households.note(record);
    auto row = read_row(record, problems);
    if (row && fresh) rows.push_back(std::move(*row));
  }
  if (auto checked = households.check(db, caisse.id, table, problems); !checked) {
    return checked.error();
  }
  if (!problems.empty()) return problems.error();

  ImportReport report{ImportKind::members};
  for (const auto& row : rows) {
    auto done = upsert(
        db, kUpsert, {caisse.id, row.id, row.household_id, row.name, row.email, row.iban}, report);
    if (!done) return done.error();
  }
  return report;
}

}  // namespace caisse::host::registry::detail
