// Importing a caisse's registry from CSV files an operator prepares in a spreadsheet:
// households, members, contribution commitments, funders, receipts and merchants
// (docs/registry.md gives each format). Strict: every problem of a file is reported, each naming
// its line and column,
//
//   households.csv:14: column adults: "deux" is not a whole number
//
// and a file with any problem changes nothing. Importing the same file again changes nothing
// either (every row counts as unchanged). Rows belong to the caisse they are imported into; the
// same household id in two caisses names two unrelated households.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "config/daemon_config.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::registry {

enum class ImportKind { households, members, contributions, funders, receipts, merchants };

// "households", "members", "contributions", "funders", "receipts", "merchants"; anything else
// is an ErrorKind::invalid error listing them.
Result<ImportKind> parse_import_kind(std::string_view text);
std::string_view to_string(ImportKind kind);

struct ImportReport {
  ImportKind kind = ImportKind::households;
  std::size_t file_lines = 0;  // records in the file, header excluded
  std::size_t inserted = 0;
  std::size_t updated = 0;  // an existing row with at least one value changed
  std::size_t unchanged = 0;
};

// What an import needs to know beyond the file and the caisse's configuration: which of the
// caisse's plugin instances are currency backends (a running daemon knows it from the plugins'
// roles). A merchants file may have one "ref:<instance>" column for each of them.
struct ImportContext {
  std::vector<std::string> currency_instances;
};

// Imports one file into `caisse`'s registry, all of it in one transaction on `db` (which must
// not be inside a transaction already). `file_name` only names the file in errors. Errors: bad
// input, as one ErrorKind::invalid error whose message lists every problem, one per line, and
// nothing is changed; a database failure as the store reports it, nothing changed either.
// Receipts are also posted to the caisse's ledger (bank / contributions or grant:<funder>),
// opening its chart with the caisse's currency when needed.
Result<ImportReport> import_csv(store::PgConnection& db, const config::CaisseConfig& caisse,
                                ImportKind kind, std::string_view file_name, std::string_view bytes,
                                const ImportContext& context = {});

}  // namespace caisse::host::registry
