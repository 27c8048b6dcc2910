#include "csv_records.hpp"

#include <cstring>

namespace caisse::adapters::bankcsv {

CsvRecords::CsvRecords(std::string_view text, char delimiter, char quote)
    : text_(text), delimiter_(delimiter), quote_(quote) {}

void CsvRecords::skip_lines(int count) {
  for (; count > 0 && pos_ < text_.size(); --count) {
    const std::size_t end = text_.find('\n', pos_);
    pos_ = end == std::string_view::npos ? text_.size() : end + 1;
    ++next_line_;
  }
}

bool CsvRecords::blank() const {
  for (const std::string_view field : fields_) {
    for (const char c : field) {
      if (c != ' ' && c != '\t') return false;
    }
  }
  return true;
}

CsvRecords::Result CsvRecords::quoted_field(std::size_t& pos, int& lines) {
  const std::size_t index = fields_.size();
  const std::size_t start = pos + 1;
  std::string* unescaped = nullptr;  // set once a doubled quote forces a copy
  std::size_t from = start;
  while (true) {
    const void* hit = std::memchr(text_.data() + from, quote_, text_.size() - from);
    if (hit == nullptr) return Result::unclosed_quote;
    const std::size_t q = static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data());
    for (std::size_t k = from; k < q; ++k) lines += text_[k] == '\n';
    if (q + 1 < text_.size() && text_[q + 1] == quote_) {
      if (unescaped == nullptr) {
        if (unescaped_.size() <= index) unescaped_.resize(index + 1);
        unescaped = &unescaped_[index];
        unescaped->assign(text_.substr(start, q + 1 - start));
      } else {
        unescaped->append(text_.substr(from, q + 1 - from));
      }
      from = q + 2;
      continue;
    }
    if (unescaped == nullptr) {
      fields_.push_back(text_.substr(start, q - start));
    } else {
      unescaped->append(text_.substr(from, q - from));
      fields_.push_back(*unescaped);
    }
    pos = q + 1;
    if (pos < text_.size() && text_[pos] != delimiter_ && text_[pos] != '\n' &&
        !(text_[pos] == '\r' && pos + 1 < text_.size() && text_[pos + 1] == '\n') &&
        !(text_[pos] == '\r' && pos + 1 == text_.size())) {
      return Result::text_after_quote;
    }
    return Result::record;
  }
}

CsvRecords::Result CsvRecords::next() {
  fields_.clear();
  line_ = next_line_;
  if (pos_ >= text_.size()) return Result::end;
  std::size_t pos = pos_;
  int lines = 0;  // newlines inside quoted fields
  while (true) {
    if (quote_ != '\0' && pos < text_.size() && text_[pos] == quote_) {
      const Result r = quoted_field(pos, lines);
      if (r != Result::record) return r;
    } else {
      const std::size_t start = pos;
      while (pos < text_.size() && text_[pos] != delimiter_ && text_[pos] != '\n') ++pos;
      std::size_t end = pos;
      if (end > start && (pos == text_.size() || text_[pos] == '\n') && text_[end - 1] == '\r') {
        --end;
      }
      fields_.push_back(text_.substr(start, end - start));
    }
    // pos is at a delimiter, a line end (LF, or CR LF after a quoted field) or the end.
    if (pos < text_.size() && text_[pos] == delimiter_) {
      ++pos;
      continue;
    }
    if (pos < text_.size() && text_[pos] == '\r') ++pos;
    if (pos < text_.size()) ++pos;  // the LF
    pos_ = pos;
    next_line_ += lines + 1;
    return Result::record;
  }
}

}  // namespace caisse::adapters::bankcsv
