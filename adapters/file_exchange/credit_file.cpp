#include "credit_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "file_exchange_kit/amount.hpp"
#include "file_exchange_kit/csv_codec.hpp"

namespace caisse::adapters::file_exchange {
namespace {

using file_exchange_kit::format_amount;
using file_exchange_kit::read_record;
using file_exchange_kit::write_record;

const std::vector<std::string> kHeader{"operation_id", "household_id", "amount", "currency",
                                       "description"};

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw std::runtime_error(path.string() + ": " + what);
}

}  // namespace

CreditFile::CreditFile(std::filesystem::path path, int minor_unit)
    : path_(std::move(path)), minor_unit_(minor_unit) {}

void CreditFile::refresh() {
  struct stat now {};
  if (::stat(path_.c_str(), &now) != 0) {
    if (errno != ENOENT) fail(path_, std::string("cannot read: ") + std::strerror(errno));
    now = {};  // no file yet: nothing written
  }
  const auto size = static_cast<std::uintmax_t>(now.st_size);
  if (now.st_dev != device_ || now.st_ino != inode_ || size < read_up_to_) {
    ids_.clear();
    read_up_to_ = 0;
    lines_read_ = 0;
    device_ = now.st_dev;
    inode_ = now.st_ino;
  }
  if (size == read_up_to_) return;

  std::ifstream in(path_, std::ios::binary);
  if (!in) fail(path_, "cannot read");
  in.seekg(static_cast<std::streamoff>(read_up_to_));
  std::ostringstream content;
  content << in.rdbuf();
  std::string text = content.str();
  // Only complete lines count: a crash during the write leaves at most one partial line.
  const auto last_break = text.find_last_of('\n');
  text.erase(last_break == std::string::npos ? 0 : last_break + 1);

  std::set<std::string, std::less<>> added;
  std::size_t pos = 0;
  std::string error;
  int line = lines_read_;
  while (auto record = read_record(text, pos, ';', error)) {
    ++line;
    if (line == 1) {
      if (*record != kHeader) fail(path_, "line 1: not a credit file of this adapter");
      continue;
    }
    if (record->size() != kHeader.size()) {
      fail(path_, "line " + std::to_string(line) + ": expected " + std::to_string(kHeader.size()) +
                      " fields");
    }
    added.insert(std::move(record->front()));
  }
  if (!error.empty()) fail(path_, "line " + std::to_string(line + 1) + ": " + error);
  ids_.merge(added);
  read_up_to_ += text.size();
  lines_read_ = line;
}

bool CreditFile::contains(std::string_view operation_id) {
  refresh();
  return ids_.find(operation_id) != ids_.end();
}

std::size_t CreditFile::append(std::span<const sdk::CreditLine> lines) {
  refresh();
  std::string out = lines_read_ == 0 ? write_record(kHeader) : std::string();
  std::set<std::string_view> batch;
  std::size_t appended = 0;
  for (const auto& line : lines) {
    if (ids_.find(line.operation_id) != ids_.end() || !batch.insert(line.operation_id).second) {
      continue;
    }
    out += write_record({std::string(line.operation_id), std::string(line.household_id),
                         format_amount(line.amount.minor, minor_unit_),
                         std::string(line.amount.currency), std::string(line.description)});
    ++appended;
  }
  if (appended == 0) return 0;
  int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) fail(path_, std::string("cannot open: ") + std::strerror(errno));
  // Cut a torn last line, then write everything in one go and make it durable before
  // answering: the host treats the answer as the fact.
  bool ok = ::ftruncate(fd, static_cast<off_t>(read_up_to_)) == 0 && ::lseek(fd, 0, SEEK_END) >= 0;
  std::size_t done = 0;
  while (ok && done < out.size()) {
    ssize_t n = ::write(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok) fail(path_, std::string("cannot write: ") + std::strerror(saved));
  refresh();
  return appended;
}

}  // namespace caisse::adapters::file_exchange
