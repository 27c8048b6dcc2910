// Splits CSV text into records without copying it: each field is a view into the text, except
// a quoted field with doubled quotes, unescaped into a buffer the scanner reuses. A quoted
// field may span lines (Crédit Agricole's labels do); every record knows the line it starts
// on, so messages can name it. Lines end with LF or CRLF.
#pragma once

#include <cstddef>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::adapters::bankcsv {

class CsvRecords {
 public:
  enum class Result { record, end, unclosed_quote, text_after_quote };

  // `quote` '\0' reads quotes as ordinary characters.
  CsvRecords(std::string_view text, char delimiter, char quote);

  // Skips `count` physical lines (a preamble, which need not be CSV at all).
  void skip_lines(int count);

  // Reads the next record. After `record`, fields() and line() describe it; after an error,
  // line() is the line the bad record starts on.
  Result next();

  std::span<const std::string_view> fields() const { return fields_; }
  int line() const { return line_; }
  // True when the record is an empty line or holds only empty fields.
  bool blank() const;

 private:
  Result quoted_field(std::size_t& pos, int& lines);

  std::string_view text_;
  char delimiter_;
  char quote_;
  std::size_t pos_ = 0;
  int next_line_ = 1;
  int line_ = 0;
  std::vector<std::string_view> fields_;
  // One per field index, reused record after record; a deque, so that growing it never moves
  // the strings fields_ already points into.
  std::deque<std::string> unescaped_;
};

}  // namespace caisse::adapters::bankcsv
