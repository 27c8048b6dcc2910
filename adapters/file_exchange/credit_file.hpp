// The credit file an operator sends to the currency operator: one line per household and
// month, appended as cycles dispatch. The file itself is the record of what was written: an
// operation id found in it is never written again, so a dispatch resumed after a crash does not
// put a household in the file twice.
#pragma once

#include <caisse/sdk.hpp>

#include <sys/types.h>

#include <filesystem>
#include <set>
#include <span>
#include <string>
#include <string_view>

namespace caisse::adapters::file_exchange {

class CreditFile {
 public:
  CreditFile(std::filesystem::path path, int minor_unit);

  // Whether a complete line of the file carries this operation id. A last line without its line
  // break (a write cut short) does not count. Throws std::runtime_error naming the file and line
  // when the file is not ours.
  bool contains(std::string_view operation_id);

  // Appends the lines not in the file yet, in one write followed by fsync, after cutting off a
  // torn last line. Returns how many were appended.
  std::size_t append(std::span<const sdk::CreditLine> lines);

  const std::filesystem::path& path() const { return path_; }

 private:
  // Reads the complete lines added since the last call, so that a cycle's batches cost what they
  // add, not the whole file again each time. The whole file is read again when it was replaced
  // or shortened, since the file, not this cache, is the record.
  void refresh();

  std::filesystem::path path_;
  int minor_unit_;
  std::set<std::string, std::less<>> ids_;  // operation ids of the lines read so far
  std::uintmax_t read_up_to_ = 0;           // bytes of complete lines behind ids_
  int lines_read_ = 0;                      // complete lines behind ids_, header included
  dev_t device_ = 0;                        // identity of the file behind ids_
  ino_t inode_ = 0;
};

}  // namespace caisse::adapters::file_exchange
