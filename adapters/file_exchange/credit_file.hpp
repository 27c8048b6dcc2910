// The credit file an operator sends to the currency operator: one line per household and
// month, appended as cycles dispatch. The file itself is the record of what was written: an
// operation id found in it is never written again, so a dispatch resumed after a crash does not
// put a household in the file twice.
#pragma once

#include <caisse/sdk.hpp>

#include <filesystem>
#include <set>
#include <span>
#include <string>

namespace caisse::adapters::file_exchange {

class CreditFile {
 public:
  CreditFile(std::filesystem::path path, int minor_unit);

  // Operation ids in the file. A last line without its line break (a write cut short) does not
  // count. Throws std::runtime_error naming the file and line when the file is not ours.
  std::set<std::string> written() const;

  // Appends the lines not in the file yet, in one write followed by fsync, after cutting off a
  // torn last line. Returns how many were appended.
  std::size_t append(std::span<const sdk::CreditLine> lines);

  const std::filesystem::path& path() const { return path_; }

 private:
  std::string read_whole() const;

  std::filesystem::path path_;
  int minor_unit_;
};

// 10000 with 2 decimals -> "100.00".
std::string format_amount(std::int64_t minor, int minor_unit);

}  // namespace caisse::adapters::file_exchange
