#include "atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "file_errors.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int error) {
  throw FileAccessError(path.string() + ": " + what + ": " + std::strerror(error));
}

void fsync_path(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot open", errno);
  const bool ok = ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok) fail(path, "cannot flush to disk", saved);
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path, "cannot write", errno);
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

void replace_atomically(const std::filesystem::path& path,
                        const std::function<void(const std::filesystem::path& temp)>& write) {
  const std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
  std::string pattern = (dir / ("." + path.filename().string() + ".XXXXXX.partial")).string();
  const int fd = ::mkstemps(pattern.data(), static_cast<int>(std::string_view(".partial").size()));
  if (fd < 0) fail(path, "cannot create a temporary file", errno);
  ::close(fd);
  const std::filesystem::path temp(pattern);
  try {
    write(temp);
    fsync_path(temp, O_RDONLY);
    if (::rename(temp.c_str(), path.c_str()) != 0) fail(path, "cannot rename into place", errno);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw;
  }
  fsync_path(dir, O_RDONLY | O_DIRECTORY);
}

void write_atomically(const std::filesystem::path& path, std::string_view bytes) {
  replace_atomically(path, [&](const std::filesystem::path& temp) {
    const int fd = ::open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) fail(temp, "cannot open", errno);
    try {
      write_all(fd, bytes, temp);
    } catch (...) {
      ::close(fd);
      throw;
    }
    ::close(fd);
  });
}

}  // namespace caisse::adapters::file_exchange_kit
