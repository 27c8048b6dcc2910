#include "bank/statement_import.hpp"

#include <vector>

#include "bank/expected_money.hpp"
#include "bank/line_matching.hpp"
#include "bank/reconciliation.hpp"
#include "bank/statement_line_key.hpp"
#include "bank/statement_store.hpp"
#include "collection/collection_lock.hpp"
#include "digest/sha256.hpp"

namespace caisse::host::bank {
namespace {

// The account statements are about is in euros: a line in another currency is a file of
// another account, or a parser bug; either way nothing of it is booked.
constexpr const char* kEuro = "EUR";

Result<std::vector<StatementLine>> read_lines(plugins::PluginInstance& reader,
                                              const std::string& file_name,
                                              std::string_view content) {
  std::vector<StatementLine> lines;
  LineKeys keys;
  auto parsed = reader.parse_statement(
      file_name, content, [&](plugins::StatementEntry&& entry) -> Result<void> {
        if (entry.amount.currency != kEuro) {
          return make_error(entry.location + ": amount in " + entry.amount.currency +
                                ", the caisse's bank account is in EUR",
                            ErrorKind::invalid);
        }
        std::string key = keys.next(entry);
        lines.push_back({std::move(entry), std::move(key)});
        return {};
      });
  if (!parsed) return make_error(parsed.error().message, ErrorKind::invalid);
  return lines;
}

StatementImportReport already_imported(StatementImportReport report, const PastImport& past) {
  report.already_imported = true;
  report.previous_file_name = past.file_name;
  report.previous_imported_at = past.imported_at;
  return report;
}

}  // namespace

Result<StatementImportReport> import_statement(store::PgConnection& db,
                                               const config::CaisseConfig& caisse,
                                               plugins::PluginInstance& reader,
                                               const std::string& file_name,
                                               std::string_view content, const std::string& actor) {
  StatementImportReport report;
  report.file_name = file_name;
  report.instance = reader.instance();
  const StatementFile file{caisse.id, reader.instance(), file_name,
                           digest::to_hex(digest::sha256(content)), actor};

  // A file seen before is recognised by its bytes, before any parsing.
  auto seen = find_import(db, file);
  if (!seen) return seen.error();
  if (*seen) return already_imported(std::move(report), **seen);

  // Parsing comes first and outside the transaction: a malformed file holds no lock.
  auto lines = read_lines(reader, file_name, content);
  if (!lines) return lines.error();
  report.lines = lines->size();

  auto transaction = collection::detail::begin_locked(db, caisse.id);
  if (!transaction) return transaction.error();
  auto past = find_import(db, file);
  if (!past) return past.error();
  // Checked again under the lock: the same file may have come twice at once.
  if (*past) return already_imported(std::move(report), **past);
  auto import_id = insert_import(db, file, lines->size());
  if (!import_id) return import_id.error();
  auto ids = insert_new_lines(db, caisse.id, *import_id, *lines);
  if (!ids) return ids.error();
  auto expected = load_expected_money(db, caisse.id);
  if (!expected) return expected.error();

  for (std::size_t i = 0; i < lines->size(); ++i) {
    if (!(*ids)[i]) continue;
    const StatementLine& line = (*lines)[i];
    ++report.new_lines;
    if (line.entry.amount.minor > 0) {
      report.money_in_minor += line.entry.amount.minor;
    } else {
      report.money_out_minor -= line.entry.amount.minor;
    }
    const LineMatch match = match_line(line.entry, *expected);
    if (match.kind == MatchKind::none) {
      ++report.unmatched;
      continue;
    }
    auto decision = apply_match(db, caisse, line, match, *expected);
    if (!decision) {
      return make_error(file_name + ": " + line.entry.location + ": " + decision.error().message,
                        decision.error().kind);
    }
    if (auto decided = decide_line(db, caisse.id, *(*ids)[i], *decision); !decided) {
      return decided.error();
    }
    ++report.matched;
  }
  if (auto set = set_new_lines(db, *import_id, report.new_lines); !set) return set.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return report;
}

}  // namespace caisse::host::bank
