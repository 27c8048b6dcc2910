#include "bank/statement_store.hpp"

#include <algorithm>
#include <map>

#include "store/text_array.hpp"

namespace caisse::host::bank {
namespace {

// Lines go to PostgreSQL this many at a time: one round trip and one statement per batch.
constexpr std::size_t kBatch = 5000;

}  // namespace

Result<std::optional<PastImport>> find_import(store::PgConnection& db, const StatementFile& file) {
  auto found = db.exec_params(
      "SELECT id, file_name, to_char(imported_at, 'YYYY-MM-DD HH24:MI') FROM statement_imports"
      " WHERE caisse_id = $1 AND sha256 = $2",
      {file.caisse_id, file.sha256});
  if (!found) return found.error();
  if (found->rows() == 0) return std::optional<PastImport>{};
  return std::optional<PastImport>{PastImport{std::stoll(std::string(found->get(0, 0))),
                                              std::string(found->get(0, 1)),
                                              std::string(found->get(0, 2))}};
}

Result<std::int64_t> insert_import(store::PgConnection& db, const StatementFile& file,
                                   std::size_t lines) {
  auto inserted = db.exec_params(
      "INSERT INTO statement_imports (caisse_id, instance, file_name, sha256, lines, new_lines,"
      "                               actor)"
      " VALUES ($1, $2, $3, $4, $5::integer, 0, $6) RETURNING id",
      {file.caisse_id, file.instance, file.file_name, file.sha256, std::to_string(lines),
       file.actor});
  if (!inserted) return inserted.error();
  return std::stoll(std::string(inserted->get(0, 0)));
}

Result<void> set_new_lines(store::PgConnection& db, std::int64_t import_id, std::size_t new_lines) {
  auto updated =
      db.exec_params("UPDATE statement_imports SET new_lines = $2::integer WHERE id = $1::bigint",
                     {std::to_string(import_id), std::to_string(new_lines)});
  if (!updated) return updated.error();
  return {};
}

Result<std::vector<std::optional<std::int64_t>>> insert_new_lines(
    store::PgConnection& db, const std::string& caisse_id, std::int64_t import_id,
    const std::vector<StatementLine>& lines) {
  std::vector<std::optional<std::int64_t>> ids(lines.size());
  for (std::size_t begin = 0; begin < lines.size(); begin += kBatch) {
    const std::size_t end = std::min(lines.size(), begin + kBatch);
    constexpr int kColumns = 14;
    std::vector<std::string> columns[kColumns];
    std::map<std::string, std::size_t> index_of_key;
    for (std::size_t i = begin; i < end; ++i) {
      const auto& l = lines[i];
      const auto& e = l.entry;
      index_of_key.emplace(l.line_key, i);
      const std::string fields[kColumns] = {
          l.line_key,        e.location,          e.account_iban,
          e.booking_date,    e.value_date,        std::to_string(e.amount.minor),
          e.amount.currency, e.bank_reference,    e.end_to_end_id,
          e.mandate_id,      e.counterparty_name, e.counterparty_iban,
          e.remittance,      e.return_reason};
      for (int c = 0; c < kColumns; ++c) columns[c].push_back(fields[c]);
    }
    std::vector<std::optional<std::string>> params{caisse_id, std::to_string(import_id)};
    for (int c = 0; c < kColumns; ++c) params.push_back(store::text_array(columns[c]));
    // Empty texts become NULL for the optional columns; ON CONFLICT keeps the first file's row.
    auto inserted = db.exec_params(
        "INSERT INTO statement_lines"
        "    (caisse_id, import_id, line_key, location, account_iban, booking_date, value_date,"
        "     amount_minor, currency, bank_reference, end_to_end_id, mandate_id,"
        "     counterparty_name, counterparty_iban, remittance, return_reason, status)"
        " SELECT $1, $2::bigint, k, loc, nullif(iban, ''), bd::date, nullif(vd, '')::date,"
        "        amt::bigint, cur, nullif(ref, ''), nullif(e2e, ''), nullif(mnd, ''),"
        "        nullif(cp, ''), nullif(cpi, ''), nullif(rem, ''), nullif(rr, ''), 'unmatched'"
        "   FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],"
        "               $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],"
        "               $14::text[], $15::text[], $16::text[])"
        "        AS t(k, loc, iban, bd, vd, amt, cur, ref, e2e, mnd, cp, cpi, rem, rr)"
        " ON CONFLICT (caisse_id, line_key) DO NOTHING"
        " RETURNING id, line_key",
        params);
    if (!inserted) return inserted.error();
    for (int r = 0; r < inserted->rows(); ++r) {
      ids[index_of_key.at(std::string(inserted->get(r, 1)))] =
          std::stoll(std::string(inserted->get(r, 0)));
    }
  }
  return ids;
}

Result<void> decide_line(store::PgConnection& db, const std::string& caisse_id,
                         std::int64_t line_id, const LineDecision& decision) {
  auto updated = db.exec_params(
      "UPDATE statement_lines SET status = $3, matched_as = $4, matched_by = $5,"
      "       entry_id = $6::bigint, note = nullif($7, ''), updated_at = now()"
      " WHERE caisse_id = $1 AND id = $2::bigint",
      {caisse_id, std::to_string(line_id), decision.status, decision.matched_as,
       decision.matched_by,
       decision.entry_id ? std::optional<std::string>(std::to_string(*decision.entry_id))
                         : std::nullopt,
       decision.note});
  if (!updated) return updated.error();
  return {};
}

}  // namespace caisse::host::bank
