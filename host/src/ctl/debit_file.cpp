#include "ctl/debit_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "ctl/commands.hpp"

namespace caisse::host::ctl {
namespace {

Result<void> cannot_write(const std::string& path, int error, const std::string& part) {
  ::unlink(part.c_str());
  return make_error("cannot write " + path + ": " + std::strerror(error));
}

}  // namespace

Result<void> write_file_whole(const std::string& path, std::string_view bytes) {
  const std::string part = path + ".part-" + std::to_string(::getpid());
  const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return make_error("cannot write " + path + ": " + std::strerror(errno));
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      return cannot_write(path, error, part);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  // The bank gets what is on disk: a full disk must fail here, not after the rename.
  if (::fsync(fd) != 0 || ::close(fd) != 0) return cannot_write(path, errno, part);
  if (::rename(part.c_str(), path.c_str()) != 0) return cannot_write(path, errno, part);
  return {};
}

int deliver_debit_file(const Invocation& invocation, const HttpAnswer& answer, std::ostream& out,
                       std::ostream& err) {
  if (answer.content_type.find("xml") == std::string::npos) {
    err << "caissectl: the daemon's answer is not the XML file (Content-Type '"
        << answer.content_type << "')\n";
    return kExitRefused;
  }
  if (invocation.out_file.empty()) {
    out << answer.body;
    return kExitOk;
  }
  if (auto written = write_file_whole(invocation.out_file, answer.body); !written) {
    err << "caissectl: " << written.error().message << " (the daemon gives the same file again: "
        << "run the command again)\n";
    return kExitUsage;
  }
  if (invocation.json) {
    out << boost::json::serialize(
               boost::json::object{{"file", invocation.out_file}, {"bytes", answer.body.size()}})
        << '\n';
  } else {
    out << "pain.008 of " << invocation.caisse << " for " << invocation.month << " written to "
        << invocation.out_file << " (" << answer.body.size() << " bytes)\n";
  }
  return kExitOk;
}

}  // namespace caisse::host::ctl
