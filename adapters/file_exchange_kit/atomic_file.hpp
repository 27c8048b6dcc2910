// Files caissed hands to an operator appear whole or not at all: each is written under a hidden
// temporary name in its final folder, flushed to disk, then renamed into place, and the folder
// flushed too. A crash leaves at most a ".*.partial" file, which no reader picks up.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace caisse::adapters::file_exchange_kit {

// Calls `write(temp)` to fill a fresh temporary file next to `path`, then moves it to `path`
// (replacing any file there). Throws FileAccessError naming the file when anything fails; the
// temporary file is removed then.
void replace_atomically(const std::filesystem::path& path,
                        const std::function<void(const std::filesystem::path& temp)>& write);

// replace_atomically with `bytes` as the content.
void write_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace caisse::adapters::file_exchange_kit
