// Importing a bank statement file: a STATEMENT plugin instance reads it, every line no file
// brought before is kept, and each new line is reconciled (bank/line_matching.hpp) or left in
// the operator's queue. All of it in one transaction: a file that does not read whole, or a
// line whose booking fails, leaves nothing behind. The same file twice changes nothing, and so
// do lines already brought by another file (bank/statement_line_key.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "config/caisse_file.hpp"
#include "core/result.hpp"
#include "plugins/plugin_instance.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::bank {

struct StatementImportReport {
  std::string file_name;
  std::string instance;
  bool already_imported = false;  // the same bytes were imported before: nothing was done
  std::string previous_file_name;
  std::string previous_imported_at;
  std::size_t lines = 0;             // in the file
  std::size_t new_lines = 0;         // not brought by an earlier file
  std::size_t matched = 0;           // of the new lines
  std::size_t unmatched = 0;         // of the new lines: in the operator's queue
  std::int64_t money_in_minor = 0;   // EUR cents, over the new lines
  std::int64_t money_out_minor = 0;  // EUR cents, over the new lines, positive
};

// The plugin instance must be called by one thread at a time: the caller holds its lock.
Result<StatementImportReport> import_statement(store::PgConnection& db,
                                               const config::CaisseConfig& caisse,
                                               plugins::PluginInstance& reader,
                                               const std::string& file_name,
                                               std::string_view content, const std::string& actor);

}  // namespace caisse::host::bank
