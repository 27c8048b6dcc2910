#include "csv/csv_reader.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>

#include "csv/encoding.hpp"
#include "money/money.hpp"

namespace caisse::host::csv {
namespace {

struct RawRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

// Splits the text into records, collecting structural errors. A record with an error is
// dropped; parsing resumes at the next line, except after an unclosed quote (nothing after it
// can be trusted).
class Splitter {
 public:
  Splitter(std::string_view file, std::string_view text, char separator, std::size_t max_errors)
      : file_(file), text_(text), separator_(separator), max_errors_(max_errors) {}

  std::vector<RawRecord> split() {
    std::vector<RawRecord> records;
    while (pos_ < text_.size() && errors_.size() < max_errors_) {
      if (consume_line_end()) continue;  // an empty line
      RawRecord record{line_, {}};
      if (read_record(record.fields)) records.push_back(std::move(record));
      if (fatal_) break;
    }
    return records;
  }

  const std::vector<std::string>& errors() const { return errors_; }

 private:
  bool at_end() const { return pos_ >= text_.size(); }

  // Consumes LF or CRLF at pos_, counting the line.
  bool consume_line_end() {
    if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
      return true;
    }
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      pos_ += 2;
      ++line_;
      return true;
    }
    return false;
  }

  void fail(std::size_t line, const std::string& message) {
    errors_.push_back(std::string(file_) + ":" + std::to_string(line) + ": " + message);
  }

  // After an error: skip to the start of the next physical line.
  void skip_line() {
    while (!at_end()) {
      if (consume_line_end()) return;
      ++pos_;
    }
  }

  // Structural errors come before the header is known: they name the column by position.
  static std::string field_label(std::size_t index) {
    return "column " + std::to_string(index + 1);
  }

  // Reads one record from pos_ up to and including its line end. False on error.
  bool read_record(std::vector<std::string>& fields) {
    while (true) {
      std::string field;
      if (!at_end() && text_[pos_] == '"') {
        const std::size_t open_line = line_;
        ++pos_;
        while (true) {
          if (at_end()) {
            fail(open_line, field_label(fields.size()) +
                                ": a quote opened here is never closed (every \" inside a quoted "
                                "field must be doubled)");
            fatal_ = true;
            return false;
          }
          const char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
              field += '"';
              pos_ += 2;
              continue;
            }
            ++pos_;
            break;
          }
          if (c == '\n') ++line_;
          field += c;
          ++pos_;
        }
        if (!at_end() && text_[pos_] != separator_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
          fail(line_, field_label(fields.size()) +
                          ": text after the closing quote (a \" inside a quoted field must be "
                          "doubled)");
          skip_line();
          return false;
        }
      } else {
        while (!at_end() && text_[pos_] != separator_ && text_[pos_] != '\n' &&
               text_[pos_] != '\r') {
          if (text_[pos_] == '"') {
            fail(line_, field_label(fields.size()) +
                            ": a quote inside an unquoted field (quote the whole field and "
                            "double the quote: \"say \"\"hi\"\"\")");
            skip_line();
            return false;
          }
          field += text_[pos_++];
        }
      }
      fields.push_back(std::move(field));
      if (at_end()) return true;
      if (text_[pos_] == separator_) {
        ++pos_;
        continue;
      }
      if (consume_line_end()) return true;
      // A carriage return not followed by a line feed.
      fail(line_, "a carriage return without a line feed (old Mac line ends are not read)");
      fatal_ = true;
      return false;
    }
  }

  std::string_view file_;
  std::string_view text_;
  char separator_;
  std::size_t max_errors_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  bool fatal_ = false;
  std::vector<std::string> errors_;
};

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string expected_columns(const std::vector<ColumnSpec>& spec) {
  std::string out;
  for (const auto& column : spec) {
    if (!out.empty()) out += ", ";
    out += column.name;
    if (!column.required) out += " (optional)";
  }
  return out;
}

Error joined(std::vector<std::string> messages, std::size_t max_errors) {
  std::string out;
  const std::size_t shown = std::min(messages.size(), max_errors);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += '\n';
    out += messages[i];
  }
  return make_error(out, ErrorKind::invalid);
}

}  // namespace

Record::Record(std::shared_ptr<const Header> header, std::size_t line,
               std::vector<std::string> fields)
    : header_(std::move(header)), line_(line), fields_(std::move(fields)) {}

std::string Record::position() const {
  return header_->file + ":" + std::to_string(line_);
}

Error Record::error(std::string_view column, std::string_view message) const {
  return make_error(position() + ": column " + std::string(column) + ": " + std::string(message),
                    ErrorKind::invalid);
}

Error Record::error(std::string_view message) const {
  return make_error(position() + ": " + std::string(message), ErrorKind::invalid);
}

std::optional<std::size_t> Record::index_of(std::string_view column) const {
  bool declared = false;
  for (const auto& spec : header_->spec) declared = declared || spec.name == column;
  if (!declared) {
    throw std::invalid_argument("csv: column \"" + std::string(column) +
                                "\" is not among the declared columns");
  }
  for (std::size_t i = 0; i < header_->columns.size(); ++i) {
    if (header_->columns[i] == column) return i;
  }
  return std::nullopt;
}

bool Record::has(std::string_view column) const {
  return index_of(column).has_value();
}

std::string_view Record::text(std::string_view column) const {
  auto index = index_of(column);
  if (!index) return {};
  return fields_[*index];
}

Result<std::string> Record::required_text(std::string_view column) const {
  std::string_view value = text(column);
  if (value.empty()) return error(column, "is empty");
  if (value.front() == ' ' || value.back() == ' ' || value.front() == '\t' ||
      value.back() == '\t') {
    return error(column, quoted(value) + " starts or ends with a space");
  }
  return std::string(value);
}

Result<std::optional<std::string>> Record::optional_text(std::string_view column) const {
  if (text(column).empty()) return std::optional<std::string>();
  auto value = required_text(column);
  if (!value) return value.error();
  return std::optional<std::string>(std::move(value.value()));
}

Result<std::int64_t> Record::whole_number(std::string_view column) const {
  std::string_view value = text(column);
  if (value.empty()) return error(column, "is empty, expected a whole number");
  std::int64_t number = 0;
  const char* begin = value.data();
  const char* end = value.data() + value.size();
  auto [stop, failure] = std::from_chars(begin, end, number);
  if (failure == std::errc::result_out_of_range) {
    return error(column, quoted(value) + " is too large");
  }
  if (failure != std::errc() || stop != end) {
    return error(column, quoted(value) + " is not a whole number");
  }
  return number;
}

Result<std::optional<std::int64_t>> Record::optional_whole_number(std::string_view column) const {
  if (text(column).empty()) return std::optional<std::int64_t>();
  auto value = whole_number(column);
  if (!value) return value.error();
  return std::optional<std::int64_t>(*value);
}

Result<std::int64_t> Record::amount(std::string_view column, int minor_unit) const {
  std::string_view value = text(column);
  if (value.empty()) return error(column, "is empty, expected an amount");
  auto parsed = money::parse_decimal(value, minor_unit);
  if (!parsed) return error(column, parsed.error().message);
  return *parsed;
}

Result<Date> Record::date(std::string_view column) const {
  std::string_view value = text(column);
  if (value.empty()) return error(column, "is empty, expected a date YYYY-MM-DD");
  auto parsed = parse_date(value);
  if (!parsed) return error(column, parsed.error().message);
  return *parsed;
}

Result<std::optional<Date>> Record::optional_date(std::string_view column) const {
  if (text(column).empty()) return std::optional<Date>();
  auto value = date(column);
  if (!value) return value.error();
  return std::optional<Date>(*value);
}

Result<Month> Record::month(std::string_view column) const {
  std::string_view value = text(column);
  if (value.empty()) return error(column, "is empty, expected a month YYYY-MM");
  auto parsed = parse_month(value);
  if (!parsed) return error(column, parsed.error().message);
  return *parsed;
}

Result<Table> read_csv(std::string_view file_name, std::string_view bytes,
                       const ReadOptions& options) {
  if (options.separator != ',' && options.separator != ';') {
    throw std::invalid_argument("csv: the separator is ',' or ';'");
  }
  auto text = utf8_text(file_name, bytes);
  if (!text) return text.error();

  const std::size_t max_errors = std::max<std::size_t>(options.max_errors, 1);
  Splitter splitter(file_name, *text, options.separator, max_errors);
  std::vector<RawRecord> raw = splitter.split();
  std::vector<std::string> errors = splitter.errors();

  const std::string file(file_name);
  if (raw.empty() || raw.front().line != 1) {
    if (errors.empty()) {
      errors.insert(errors.begin(), file + ":1: expected a header row naming the columns (" +
                                        expected_columns(options.columns) + ")");
    }
    return joined(std::move(errors), max_errors);
  }

  auto header = std::make_shared<Header>();
  header->file = file;
  header->columns = raw.front().fields;
  header->spec = options.columns;

  // The header: every column named once, known, and every required one present.
  std::vector<std::string> header_errors;
  const std::string at = file + ":1: ";
  for (std::size_t i = 0; i < header->columns.size(); ++i) {
    const std::string& name = header->columns[i];
    if (name.empty()) {
      header_errors.push_back(at + "column " + std::to_string(i + 1) +
                              " of the header has no name");
      continue;
    }
    bool known = false;
    for (const auto& spec : options.columns) known = known || spec.name == name;
    if (!known) {
      std::string message = at + "unknown column " + quoted(name) + " (expected " +
                            expected_columns(options.columns) + ")";
      const char other = options.separator == ',' ? ';' : ',';
      if (header->columns.size() == 1 && name.find(other) != std::string::npos) {
        message += "; the file seems to separate fields with '" + std::string(1, other) +
                   "', not '" + std::string(1, options.separator) + "'";
      }
      header_errors.push_back(message);
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (header->columns[j] == name) {
        header_errors.push_back(at + "column " + quoted(name) + " appears twice (columns " +
                                std::to_string(j + 1) + " and " + std::to_string(i + 1) + ")");
        break;
      }
    }
  }
  for (const auto& spec : options.columns) {
    if (!spec.required) continue;
    bool present = false;
    for (const auto& name : header->columns) present = present || name == spec.name;
    if (!present) header_errors.push_back(at + "missing column " + quoted(spec.name));
  }
  errors.insert(errors.begin(), header_errors.begin(), header_errors.end());

  Table table;
  table.header = header;
  for (std::size_t r = 1; r < raw.size(); ++r) {
    if (raw[r].fields.size() != header->columns.size()) {
      errors.push_back(file + ":" + std::to_string(raw[r].line) + ": " +
                       std::to_string(raw[r].fields.size()) + " fields, but the header has " +
                       std::to_string(header->columns.size()) +
                       " (a value holding the separator must be in double quotes)");
      continue;
    }
    table.records.emplace_back(header, raw[r].line, std::move(raw[r].fields));
  }
  if (!errors.empty()) return joined(std::move(errors), max_errors);
  return table;
}

}  // namespace caisse::host::csv
