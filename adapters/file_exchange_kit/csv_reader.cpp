#include "csv_reader.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "csv_codec.hpp"
#include "file_errors.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

bool blank(const std::vector<std::string>& fields) {
  for (const auto& f : fields) {
    if (!trim(f).empty()) return false;
  }
  return true;
}

}  // namespace

CsvReader::CsvReader(const std::filesystem::path& path, const CsvDialect& dialect)
    : name_(path.filename().string()), separator_(dialect.separator) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileAccessError(name_ + ": cannot read: " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  text_ = decode_text(content.str(), dialect.encoding, name_);
  for (int skipped = 0; skipped < dialect.skip_lines && pos_ < text_.size(); ++skipped) {
    const auto end = text_.find('\n', pos_);
    pos_ = end == std::string::npos ? text_.size() : end + 1;
    ++line_;
  }
  std::vector<std::string> header;
  if (!next_record(header, header_line_)) {
    throw FileFormatError(name_ + ":" + std::to_string(line_) +
                          ": no header line (the file is empty)");
  }
  for (const auto& cell : header) header_.emplace_back(trim(cell));
}

bool CsvReader::next_record(std::vector<std::string>& fields, int& start) {
  std::string error;
  while (true) {
    start = line_;
    auto record = read_record(text_, pos_, separator_, error, &line_);
    if (!record) {
      if (!error.empty()) {
        throw FileFormatError(name_ + ":" + std::to_string(start) + ": " + error);
      }
      return false;
    }
    if (blank(*record)) continue;
    fields = std::move(*record);
    return true;
  }
}

bool CsvReader::next(CsvRow& row) {
  if (!next_record(row.fields, row.line)) return false;
  const auto wrong_count = [&](const std::string& hint) {
    throw FileFormatError(name_ + ":" + std::to_string(row.line) + ": expected " +
                          std::to_string(header_.size()) + " fields, found " +
                          std::to_string(row.fields.size()) + hint);
  };
  if (row.fields.size() < header_.size()) {
    wrong_count(" (is the separator \"" + std::string(1, separator_) + "\"?)");
  }
  for (std::size_t i = header_.size(); i < row.fields.size(); ++i) {
    if (!trim(row.fields[i]).empty()) wrong_count("");
  }
  row.fields.resize(header_.size());
  return true;
}

std::size_t CsvReader::column(std::string_view header, std::string_view key) const {
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] != header) continue;
    if (found) {
      throw FileFormatError(name_ + ":" + std::to_string(header_line_) + ": " + std::string(key) +
                            ": the header has two columns \"" + std::string(header) + "\"");
    }
    found = i;
  }
  if (!found) {
    std::string list;
    for (const auto& h : header_) list += (list.empty() ? "" : ", ") + h;
    throw FileFormatError(name_ + ":" + std::to_string(header_line_) + ": " + std::string(key) +
                          ": no column \"" + std::string(header) +
                          "\" in the header (found: " + list + ")");
  }
  return *found;
}

std::optional<std::size_t> CsvReader::optional_column(std::string_view header,
                                                      std::string_view key) const {
  if (header.empty()) return std::nullopt;
  return column(header, key);
}

std::string_view CsvReader::field(const CsvRow& row, std::size_t index) {
  return trim(row.fields[index]);
}

std::string CsvReader::where(const CsvRow& row) const {
  return name_ + ":" + std::to_string(row.line);
}

void CsvReader::fail(const CsvRow& row, std::size_t column, std::string_view reason) const {
  throw FileFormatError(where(row) + ": " + header_[column] + ": " + std::string(reason));
}

}  // namespace caisse::adapters::file_exchange_kit
