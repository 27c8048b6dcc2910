#include "directory_scan.hpp"

#include <string>

#include "ascii_text.hpp"
#include "file_errors.hpp"

namespace caisse::adapters::file_exchange_kit {

FolderState scan_folder(const std::filesystem::path& dir, std::string_view extension) {
  FolderState files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::error_code entry_ec;
    if (!entry.is_regular_file(entry_ec)) continue;
    if (!same_ignoring_case(entry.path().extension().string(), extension)) continue;
    // A file that vanished between listing and stat is simply not there this time.
    const auto time = entry.last_write_time(entry_ec);
    const auto size = entry_ec ? 0 : entry.file_size(entry_ec);
    if (!entry_ec) files[entry.path()] = {time, size};
  }
  if (ec) throw FileAccessError(dir.string() + ": cannot list: " + ec.message());
  return files;
}

}  // namespace caisse::adapters::file_exchange_kit
