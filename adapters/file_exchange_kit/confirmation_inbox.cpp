#include "confirmation_inbox.hpp"

#include <algorithm>

#include "csv_reader.hpp"
#include "file_errors.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

bool listed(const std::vector<std::string>& values, std::string_view value) {
  return std::any_of(values.begin(), values.end(),
                     [&](const std::string& v) { return same_ignoring_case(v, value); });
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

}  // namespace

void ConfirmationInbox::read_file(const std::filesystem::path& path,
                                  std::map<std::string, Confirmation, std::less<>>& into) const {
  CsvReader table(path, mapping_.dialect);
  const std::size_t id = table.column(mapping_.operation_id, "confirmation.columns.operation_id");
  const std::size_t status = table.column(mapping_.status, "confirmation.columns.status");
  const auto reference =
      table.optional_column(mapping_.reference, "confirmation.columns.reference");
  const auto message = table.optional_column(mapping_.message, "confirmation.columns.message");
  for (CsvRow row; table.next(row);) {
    const std::string_view operation = table.field(row, id);
    if (operation.empty()) table.fail(row, id, "empty, an operation id is required");
    const std::string_view said = table.field(row, status);
    if (listed(mapping_.pending, said)) continue;
    const bool credited = listed(mapping_.credited, said);
    if (!credited && !listed(mapping_.rejected, said)) {
      table.fail(row, status,
                 "\"" + std::string(said) + "\" is not a status of the mapping (credited: " +
                     joined(mapping_.credited) + "; rejected: " + joined(mapping_.rejected) +
                     (mapping_.pending.empty() ? "" : "; pending: " + joined(mapping_.pending)) +
                     ")");
    }
    Confirmation c{credited, reference ? std::string(table.field(row, *reference)) : "",
                   message ? std::string(table.field(row, *message)) : "", table.where(row)};
    auto [it, fresh] = into.emplace(std::string(operation), c);
    if (!fresh && it->second.credited != c.credited) {
      throw FileFormatError(c.source + ": contradicts " + it->second.source + " for " +
                            std::string(operation));
    }
  }
}

void ConfirmationInbox::refresh() {
  FolderState now = scan_folder(dir_, ".csv");
  if (now == seen_) return;
  // Rebuilt from every file, so that a corrected file replaces what its faulty version said.
  std::map<std::string, Confirmation, std::less<>> confirmed;
  for (const auto& [path, stamp] : now) read_file(path, confirmed);
  confirmed_ = std::move(confirmed);
  seen_ = std::move(now);
}

std::optional<Confirmation> ConfirmationInbox::find(std::string_view operation_id) {
  refresh();
  auto found = confirmed_.find(operation_id);
  if (found == confirmed_.end()) return std::nullopt;
  return found->second;
}

}  // namespace caisse::adapters::file_exchange_kit
