// Statement files and lines in PostgreSQL (migration 0012_money_in.sql). Every function runs on
// the caller's connection, inside the import's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "plugins/payment_values.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::bank {

struct StatementLine {
  plugins::StatementEntry entry;
  std::string line_key;
};

struct StatementFile {
  std::string caisse_id;
  std::string instance;  // the statement instance that read it
  std::string file_name;
  std::string sha256;
  std::string actor;
};

// The import of a file with these bytes, when there was one: {id, file name, date}.
struct PastImport {
  std::int64_t id = 0;
  std::string file_name;
  std::string imported_at;
};
Result<std::optional<PastImport>> find_import(store::PgConnection& db, const StatementFile& file);

Result<std::int64_t> insert_import(store::PgConnection& db, const StatementFile& file,
                                   std::size_t lines);
Result<void> set_new_lines(store::PgConnection& db, std::int64_t import_id, std::size_t new_lines);

// Inserts the lines no file brought before, status unmatched, in batches; returns the id of each
// line of `lines` that was new, indexed like `lines` (nullopt: already known).
Result<std::vector<std::optional<std::int64_t>>> insert_new_lines(
    store::PgConnection& db, const std::string& caisse_id, std::int64_t import_id,
    const std::vector<StatementLine>& lines);

// What reconciliation decided for a line.
struct LineDecision {
  std::string status;      // "matched", "ignored"
  std::string matched_as;  // "debit E2E-..", "grant ccas", "household h42"
  std::string matched_by;  // the rule, or "operator:<name>"
  std::optional<std::int64_t> entry_id;
  std::string note;
};
Result<void> decide_line(store::PgConnection& db, const std::string& caisse_id,
                         std::int64_t line_id, const LineDecision& decision);

}  // namespace caisse::host::bank
