// Pieces shared by the importers of each kind: collecting problems, reading identifiers and
// words from a short list, asking which ids exist, and counting upserts. Internal to
// caisse_registry.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "config/daemon_config.hpp"
#include "core/result.hpp"
#include "csv/csv_reader.hpp"
#include "registry/import.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::registry::detail {

// Every problem of a file, in the order found; becomes one ErrorKind::invalid error.
class Problems {
 public:
  void add(const Error& error) { lines_.push_back(error.message); }
  void add(std::string line) { lines_.push_back(std::move(line)); }

  // The value, or nullopt after recording the error.
  template <class T>
  std::optional<T> take(Result<T> result) {
    if (!result) {
      add(result.error());
      return std::nullopt;
    }
    return std::move(result).value();
  }

  bool empty() const { return lines_.empty(); }
  // All problems, one per line (at most 200, then how many more).
  Error error() const;

 private:
  std::vector<std::string> lines_;
};

// Whether the cell of `column` (a key of the file) appears here for the first time; a repeat
// is reported naming the line of the first. Empty cells are not tracked (their own check
// reports them).
bool first_seen(const csv::Record& record, std::string_view column,
                std::map<std::string, std::size_t>& first_line, Problems& problems);

// Ids that rows of a file name and that must exist in the caisse (households, funders), checked
// in one query once the whole file is read, so that every row naming a missing one is reported.
class References {
 public:
  // `table` holds the ids (caisse_id, id); `column` is the file's column naming them; `what`
  // and `hint` word the error: no <what> "H-404" in caisse nantes-ouest (<hint>).
  References(std::string table, std::string column, std::string what, std::string hint)
      : table_(std::move(table)),
        column_(std::move(column)),
        what_(std::move(what)),
        hint_(std::move(hint)) {}

  // Notes the record's cell when it holds a valid id (its own check reports it otherwise).
  void note(const csv::Record& record);
  // Reports every noted reference that does not exist; returns those that do.
  Result<std::set<std::string>> check(store::PgConnection& db, std::string_view caisse_id,
                                      const csv::Table& table, Problems& problems) const;

 private:
  std::string table_;
  std::string column_;
  std::string what_;
  std::string hint_;
  std::vector<std::pair<std::size_t, std::string>> noted_;  // line, id
};

// An identifier: 1 to 64 of A-Z a-z 0-9 _ -.
Result<std::string> identifier(const csv::Record& record, std::string_view column);
// Same, but an empty cell is nullopt.
Result<std::optional<std::string>> optional_identifier(const csv::Record& record,
                                                       std::string_view column);
// One of `allowed`, written exactly.
Result<std::string> one_of(const csv::Record& record, std::string_view column,
                           const std::vector<std::string_view>& allowed);
// Free text (a name, a note) of at most format::kMaxTextLength bytes, not empty, without the
// apostrophe export_csv() puts before what a spreadsheet would run as a formula.
Result<std::string> bounded_text(const csv::Record& record, std::string_view column);
// Whole number within [min, max].
Result<std::int64_t> bounded_number(const csv::Record& record, std::string_view column,
                                    std::int64_t min, std::int64_t max);

// An amount in euros ("12.50") as cents, at least `min_cents`.
Result<std::int64_t> euro_amount(const csv::Record& record, std::string_view column,
                                 std::int64_t min_cents);

// Which of `ids` exist in `table` (a registry table with caisse_id and id) for the caisse.
Result<std::set<std::string>> existing_ids(store::PgConnection& db, std::string_view table,
                                           std::string_view caisse_id,
                                           const std::vector<std::string>& ids);

// Runs an `INSERT … ON CONFLICT DO UPDATE … WHERE <something differs> RETURNING (xmax = 0)`
// and counts the row as inserted, updated (a row came back, not new) or unchanged (none did).
Result<void> upsert(store::PgConnection& db, std::string_view sql,
                    const std::vector<std::optional<std::string>>& params, ImportReport& report);

// "2026-11-05", or SQL NULL.
std::optional<std::string> sql_date(const std::optional<csv::Date>& date);

// The importers, each on a parsed file, inside the transaction import_csv() opened.
Result<ImportReport> import_households(store::PgConnection& db, const config::CaisseConfig& caisse,
                                       const csv::Table& table);
Result<ImportReport> import_members(store::PgConnection& db, const config::CaisseConfig& caisse,
                                    const csv::Table& table);
Result<ImportReport> import_contributions(store::PgConnection& db,
                                          const config::CaisseConfig& caisse,
                                          const csv::Table& table);
Result<ImportReport> import_funders(store::PgConnection& db, const config::CaisseConfig& caisse,
                                    const csv::Table& table);
Result<ImportReport> import_receipts(store::PgConnection& db, const config::CaisseConfig& caisse,
                                     const csv::Table& table);
// `currency_instances`: those whose ref:<instance> column the file may have.
Result<ImportReport> import_merchants(store::PgConnection& db, const config::CaisseConfig& caisse,
                                      const std::vector<std::string>& currency_instances,
                                      const csv::Table& table);

}  // namespace caisse::host::registry::detail
