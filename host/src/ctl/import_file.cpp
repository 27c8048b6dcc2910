#include "ctl/import_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace caisse::host::ctl {
namespace {

std::string too_large(const std::string& path, std::size_t max_bytes) {
  constexpr std::size_t kMiB = 1024 * 1024;
  std::string limit = max_bytes % kMiB == 0 ? std::to_string(max_bytes / kMiB) + " MiB"
                                            : std::to_string(max_bytes) + " bytes";
  return "import file " + path + " is larger than " + limit + ": split it";
}

// Closes the descriptor on every way out.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Result<std::string> read_import_file(const std::string& path, std::size_t max_bytes) {
  FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0)
    return make_error("cannot read import file " + path + ": " + std::strerror(errno));
  struct stat info {};
  if (::fstat(file.fd, &info) == 0 && S_ISREG(info.st_mode) &&
      static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    return make_error(too_large(path, max_bytes));
  }
  std::string content;
  char buffer[64 * 1024];
  for (;;) {
    ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return make_error("cannot read import file " + path + ": " + std::strerror(errno));
    if (n == 0) break;
    if (content.size() + static_cast<std::size_t>(n) > max_bytes) {
      return make_error(too_large(path, max_bytes));
    }
    content.append(buffer, static_cast<std::size_t>(n));
  }
  return content;
}

}  // namespace caisse::host::ctl
