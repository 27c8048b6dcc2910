#include "confirmation_inbox.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "semicolon_csv.hpp"

namespace caisse::adapters::file_exchange {
namespace {

const std::vector<std::string> kHeader{"operation_id", "status", "reference", "message"};

void read_file(const std::filesystem::path& path,
               std::map<std::string, Confirmation, std::less<>>& into) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot read");
  std::ostringstream content;
  content << in.rdbuf();
  const std::string text = content.str();
  const std::string name = path.filename().string();
  std::size_t pos = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a spreadsheet's BOM
  std::string error;
  int line = 0;
  while (auto record = read_record(text, pos, error)) {
    ++line;
    const std::string where = name + ":" + std::to_string(line);
    if (line == 1) {
      if (*record != kHeader) {
        throw std::runtime_error(where +
                                 ": the header must be operation_id;status;reference;message");
      }
      continue;
    }
    if (record->size() == 1 && record->front().empty()) continue;  // a blank line
    if (record->size() != kHeader.size()) {
      throw std::runtime_error(where + ": expected 4 fields, found " +
                               std::to_string(record->size()));
    }
    const std::string& status = (*record)[1];
    if (status != "OK" && status != "REJECTED") {
      throw std::runtime_error(where + ": status \"" + status + "\" is neither OK nor REJECTED");
    }
    Confirmation c{status == "OK", (*record)[2], (*record)[3], where};
    auto [it, fresh] = into.emplace((*record)[0], c);
    if (!fresh && it->second.credited != c.credited) {
      throw std::runtime_error(where + ": contradicts " + it->second.source + " for " +
                               (*record)[0]);
    }
  }
  if (!error.empty())
    throw std::runtime_error(name + ":" + std::to_string(line + 1) + ": " + error);
}

}  // namespace

void ConfirmationInbox::refresh() {
  std::map<std::filesystem::path, std::pair<std::filesystem::file_time_type, std::uintmax_t>> now;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".csv") {
      now[entry.path()] = {entry.last_write_time(), entry.file_size()};
    }
  }
  if (ec) throw std::runtime_error(dir_.string() + ": cannot list: " + ec.message());
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

}  // namespace caisse::adapters::file_exchange
