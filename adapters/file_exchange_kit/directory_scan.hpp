// The files of a drop folder and a stamp of each (modification time and size), so that readers
// parse a folder again only when something in it changed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <utility>

namespace caisse::adapters::file_exchange_kit {

using FileStamp = std::pair<std::filesystem::file_time_type, std::uintmax_t>;
using FolderState = std::map<std::filesystem::path, FileStamp>;

// Every regular file of `dir` whose extension is `extension` (".csv"), compared ignoring ASCII
// case, sorted by path. Throws FileAccessError when the folder cannot be listed.
FolderState scan_folder(const std::filesystem::path& dir, std::string_view extension);

}  // namespace caisse::adapters::file_exchange_kit
