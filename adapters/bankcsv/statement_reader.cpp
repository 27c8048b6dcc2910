#include "statement_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "csv_records.hpp"
#include "currency_digits.hpp"
#include "label_markers.hpp"

namespace caisse::adapters::bankcsv {
namespace {

namespace sdk = caisse::sdk;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool ascii(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return c & 0x80; });
}

// A column of the profile found in this file: its index, and how messages name it.
struct Column {
  int index = -1;
  std::string name;  // the header's text, or "3" for a file without header
};

// One run over one file. Members are reused from line to line so that a line allocates
// nothing once the first few have sized the buffers.
class StatementRun {
 public:
  StatementRun(const CsvProfile& profile, std::string_view file_name, std::string_view content)
      : p_(profile),
        file_(file_name),
        content_(skip_bom(content)),
        records_(content_, profile.delimiter, profile.quote) {}

  void read(const sdk::StatementSink& emit) {
    records_.skip_lines(p_.skip_lines);
    if (p_.header == HeaderMode::none) {
      columns_by_number();
    } else {
      find_header();
    }
    while (next_record()) {
      if (row()) emit(entry_);
    }
  }

 private:
  std::string_view skip_bom(std::string_view content) const {
    if (!content.starts_with(kUtf8Bom)) return content;
    if (p_.encoding != Encoding::utf8) {
      fail(1,
           "the file starts with a UTF-8 byte-order mark, but the profile says file.encoding "
           "= \"" +
               std::string(encoding_name(p_.encoding)) + "\"");
    }
    return content.substr(kUtf8Bom.size());
  }

  [[noreturn]] void fail(int line, const std::string& reason) const {
    throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                           std::string(file_) + ":" + std::to_string(line) + ": " + reason);
  }
  [[noreturn]] void fail(int line, const Column& column, const std::string& reason) const {
    fail(line, "column " + column.name + ": " + reason);
  }

  // The next record, or false at the end; a malformed one is an error.
  bool next_record() {
    switch (records_.next()) {
      case CsvRecords::Result::record:
        return true;
      case CsvRecords::Result::end:
        return false;
      case CsvRecords::Result::unclosed_quote:
        fail(records_.line(), "a quoted field is never closed");
      case CsvRecords::Result::text_after_quote:
        fail(records_.line(),
             "text after the closing quote of a field (a quote inside a quoted "
             "field is written twice)");
    }
    return false;
  }

  // `field` as UTF-8 without surrounding spaces, into `out`.
  void decode(std::string& out, std::string_view field, int line, const Column& column) const {
    out.clear();
    field = trim(field);
    const std::size_t bad = append_utf8(out, field, p_.encoding);
    if (bad != std::string_view::npos) fail(line, column, bad_byte_reason(field, bad, p_.encoding));
  }

  // A field that should be ASCII (a date, an amount): a view of the file when it is, else its
  // UTF-8 text (a no-break space in a cp1252 amount), so the check sees what the bank wrote.
  std::string_view ascii_field(std::size_t index, int line, const Column& column) {
    const std::string_view raw = trim(records_.fields()[index]);
    if (ascii(raw)) return raw;
    decode(scratch_, raw, line, column);
    return scratch_;
  }

  void columns_by_number() {
    auto resolve = [](const ColumnRef& ref) {
      return Column{ref.number - 1, std::to_string(ref.number)};
    };
    resolve_all(resolve);
  }

  void find_header() {
    while (true) {
      if (!next_record()) {
        fail(records_.line(), p_.header == HeaderMode::find
                                  ? "no line holds the headers the profile names (" +
                                        named_headers() + "); is this the bank's export?"
                                  : std::string("no header line, the file is empty"));
      }
      if (records_.blank()) continue;
      header_line_ = records_.line();
      header_.clear();
      for (const std::string_view cell : records_.fields()) {
        std::string text;
        const std::size_t bad = append_utf8(text, trim(cell), p_.encoding);
        if (bad != std::string_view::npos) {
          if (p_.header == HeaderMode::first) {
            fail(header_line_, "header: " + bad_byte_reason(trim(cell), bad, p_.encoding));
          }
          text.clear();  // a preamble line in another encoding is simply not the header
        }
        header_.push_back(std::move(text));
      }
      if (p_.header == HeaderMode::first || holds_named_headers()) break;
    }
    expected_fields_ = header_.size();
    resolve_all([this](const ColumnRef& ref) { return by_header(ref); });
  }

  std::vector<const ColumnRef*> all_refs() const {
    std::vector<const ColumnRef*> refs{&p_.booking_date};
    for (const ColumnRef& label : p_.label) refs.push_back(&label);
    for (const auto* optional :
         {&p_.value_date, &p_.amount, &p_.debit, &p_.credit, &p_.currency_column, &p_.reference,
          &p_.counterparty_name, &p_.counterparty_iban, &p_.end_to_end_id, &p_.mandate_id,
          &p_.filter_column}) {
      if (*optional) refs.push_back(&**optional);
    }
    return refs;
  }

  std::string named_headers() const {
    std::string out;
    for (const ColumnRef* ref : all_refs()) {
      if (!ref->header.empty()) out += (out.empty() ? "\"" : ", \"") + ref->header + "\"";
    }
    return out;
  }

  bool holds_named_headers() const {
    for (const ColumnRef* ref : all_refs()) {
      if (!ref->header.empty() &&
          std::find(header_.begin(), header_.end(), ref->header) == header_.end()) {
        return false;
      }
    }
    return true;
  }

  Column by_header(const ColumnRef& ref) const {
    if (ref.header.empty()) {
      if (static_cast<std::size_t>(ref.number) > header_.size()) {
        fail(header_line_, ref.key + " is column " + std::to_string(ref.number) +
                               ", but the header has " + std::to_string(header_.size()));
      }
      return {ref.number - 1, header_[static_cast<std::size_t>(ref.number - 1)]};
    }
    const auto at = std::find(header_.begin(), header_.end(), ref.header);
    if (at == header_.end()) {
      std::string cells;
      for (const auto& cell : header_) cells += (cells.empty() ? "\"" : ", \"") + cell + "\"";
      fail(header_line_,
           "no column \"" + ref.header + "\" (" + ref.key + ") in the header, which has " + cells);
    }
    if (std::find(at + 1, header_.end(), ref.header) != header_.end()) {
      fail(header_line_, "two columns are headed \"" + ref.header + "\" (" + ref.key + ")");
    }
    return {static_cast<int>(at - header_.begin()), ref.header};
  }

  template <class Resolve>
  void resolve_all(Resolve resolve) {
    auto optional = [&](const std::optional<ColumnRef>& ref) {
      return ref ? resolve(*ref) : Column{};
    };
    booking_date_ = resolve(p_.booking_date);
    for (const ColumnRef& label : p_.label) label_.push_back(resolve(label));
    value_date_ = optional(p_.value_date);
    amount_ = optional(p_.amount);
    debit_ = optional(p_.debit);
    credit_ = optional(p_.credit);
    currency_ = optional(p_.currency_column);
    reference_ = optional(p_.reference);
    counterparty_name_ = optional(p_.counterparty_name);
    counterparty_iban_ = optional(p_.counterparty_iban);
    end_to_end_ = optional(p_.end_to_end_id);
    mandate_ = optional(p_.mandate_id);
    filter_ = optional(p_.filter_column);
    for (const ColumnRef* ref : all_refs()) {
      highest_column_ = std::max(highest_column_,
                                 static_cast<std::size_t>(ref->header.empty() ? ref->number : 0));
    }
  }

  // The first non-empty field starts with one of `prefixes`.
  bool starts_with_any(const std::vector<std::string>& prefixes, int line) {
    if (prefixes.empty()) return false;
    for (const std::string_view field : records_.fields()) {
      if (trim(field).empty()) continue;
      decode(scratch_, field, line, Column{-1, "1"});
      return std::any_of(prefixes.begin(), prefixes.end(),
                         [&](const std::string& prefix) { return scratch_.starts_with(prefix); });
    }
    return false;
  }

  void check_field_count(int line) {
    const std::size_t count = records_.fields().size();
    if (expected_fields_ == 0) {  // no header: the first line sets the count
      if (count < highest_column_) {
        fail(line, std::to_string(count) + " fields, but the profile reads column " +
                       std::to_string(highest_column_));
      }
      expected_fields_ = count;
    }
    if (count != expected_fields_) {
      fail(line, std::to_string(count) + (count == 1 ? " field where " : " fields where ") +
                     (header_line_ > 0 ? "the header has " : "the first line has ") +
                     std::to_string(expected_fields_) + " (is file.delimiter \"" +
                     std::string(1, p_.delimiter) + "\" right?)");
    }
  }

  // Fills entry_ from the current record; false when the profile says to skip it.
  bool row() {
    const int line = records_.line();
    if (records_.blank()) {
      if (p_.skip_empty) return false;
      fail(line, "an empty line (set rows.skip_empty = true if the bank writes them)");
    }
    if (starts_with_any(p_.stop_at_starting_with, line)) {
      while (next_record()) {
      }
      return false;
    }
    if (starts_with_any(p_.skip_starting_with, line)) return false;
    check_field_count(line);
    if (filter_.index >= 0) {
      decode(scratch_, field(filter_), line, filter_);
      if (std::find(p_.filter_values.begin(), p_.filter_values.end(), scratch_) ==
          p_.filter_values.end()) {
        return false;
      }
    }
    entry_.location.assign(file_).push_back(':');
    char digits[16];
    const auto end = std::to_chars(digits, digits + sizeof digits, line).ptr;
    entry_.location.append(digits, end);
    date(entry_.booking_date, booking_date_, line, true);
    date(entry_.value_date, value_date_, line, false);
    read_currency(line);
    if (!read_amount(line)) return false;
    read_label(line);
    text(entry_.bank_reference, reference_, line);
    text(entry_.counterparty_name, counterparty_name_, line);
    text(entry_.counterparty_iban, counterparty_iban_, line);
    std::erase(entry_.counterparty_iban, ' ');  // IBANs are often printed in groups of four
    text(entry_.end_to_end_id, end_to_end_, line);
    text(entry_.mandate_id, mandate_, line);
    if (entry_.end_to_end_id.empty()) {
      entry_.end_to_end_id = word_after(entry_.remittance, p_.end_to_end_marker);
    }
    if (entry_.end_to_end_id == "NOTPROVIDED") entry_.end_to_end_id.clear();  // SEPA's "none"
    if (entry_.mandate_id.empty()) {
      entry_.mandate_id = word_after(entry_.remittance, p_.mandate_marker);
    }
    return true;
  }

  std::string_view field(const Column& column) const {
    return records_.fields()[static_cast<std::size_t>(column.index)];
  }

  void text(std::string& out, const Column& column, int line) const {
    if (column.index < 0) {
      out.clear();
      return;
    }
    decode(out, field(column), line, column);
  }

  void date(std::string& out, const Column& column, int line, bool required) {
    out.clear();
    if (column.index < 0) return;
    const std::string_view value =
        ascii_field(static_cast<std::size_t>(column.index), line, column);
    if (value.empty()) {
      if (required) fail(line, column, "empty, a date is required");
      return;
    }
    char iso[10];
    for (const DatePattern& pattern : p_.date_formats) {
      if (pattern.parse(value, iso)) {
        out.assign(iso, sizeof iso);
        return;
      }
    }
    std::string patterns;
    for (const DatePattern& pattern : p_.date_formats) {
      patterns += (patterns.empty() ? "" : " or ") + pattern.pattern();
    }
    fail(line, column, "\"" + std::string(value) + "\" is not a date written " + patterns);
  }

  void read_currency(int line) {
    if (currency_.index < 0) {
      entry_.currency = p_.currency;
    } else {
      decode(entry_.currency, field(currency_), line, currency_);
      if (!currency_digits(entry_.currency)) {
        fail(line, currency_, "\"" + entry_.currency + "\" is not a currency code such as EUR");
      }
    }
    format_.decimal = p_.decimal;
    format_.thousands = p_.thousands;
    format_.minor_unit = *currency_digits(entry_.currency);
  }

  // An amount column's value; nullopt when the field is empty and `optional`.
  std::optional<std::int64_t> amount(const Column& column, int line, bool optional) {
    const std::string_view value =
        ascii_field(static_cast<std::size_t>(column.index), line, column);
    if (value.empty() && optional) return std::nullopt;
    const ParsedAmount parsed = parse_amount(value, format_);
    if (parsed.error != AmountError::none) {
      fail(line, column, amount_error_text(parsed.error, value, format_));
    }
    return parsed.minor;
  }

  // Sets entry_.amount_minor; false for a line that moved no money (the host takes none).
  bool read_amount(int line) {
    if (amount_.index >= 0) {
      entry_.amount_minor = *amount(amount_, line, false);
      return entry_.amount_minor != 0;
    }
    // A column that is empty or holds zero is the side the line is not on.
    const std::optional<std::int64_t> debit =
        debit_.index >= 0 ? amount(debit_, line, true) : std::nullopt;
    const std::optional<std::int64_t> credit =
        credit_.index >= 0 ? amount(credit_, line, true) : std::nullopt;
    const bool is_debit = debit.value_or(0) != 0, is_credit = credit.value_or(0) != 0;
    if (is_debit && is_credit) {
      fail(line, "both " + debit_.name + " and " + credit_.name + " hold an amount");
    }
    if (!debit && !credit) {
      std::string columns = debit_.index >= 0 ? debit_.name : "";
      if (credit_.index >= 0) columns += (columns.empty() ? "" : " and ") + credit_.name;
      fail(line, "no amount: " + columns +
                     (debit_.index >= 0 && credit_.index >= 0 ? " are" : " is") + " empty");
    }
    if (is_credit && *credit < 0) {
      fail(line, credit_, "a credit written negative; is the profile's credit column the debit?");
    }
    // Banks write debits positive (Crédit Agricole) or already negative (BPCE): either way the
    // money went out.
    entry_.amount_minor = is_debit ? -std::abs(*debit) : credit.value_or(0);
    return entry_.amount_minor != 0;
  }

  void read_label(int line) {
    entry_.remittance.clear();
    for (const Column& column : label_) {
      decode(scratch_, field(column), line, column);
      if (scratch_.empty()) continue;
      if (!entry_.remittance.empty()) entry_.remittance.push_back(' ');
      entry_.remittance.append(scratch_);
    }
    // A label quoted over several lines (Crédit Agricole) is one label.
    if (entry_.remittance.find('\n') != std::string::npos) {
      std::replace(entry_.remittance.begin(), entry_.remittance.end(), '\r', ' ');
      std::replace(entry_.remittance.begin(), entry_.remittance.end(), '\n', ' ');
      const auto last = std::unique(entry_.remittance.begin(), entry_.remittance.end(),
                                    [](char a, char b) { return a == ' ' && b == ' '; });
      entry_.remittance.erase(last, entry_.remittance.end());
    }
  }

  const CsvProfile& p_;
  std::string_view file_;
  std::string_view content_;
  CsvRecords records_;
  std::vector<std::string> header_;
  int header_line_ = 0;
  std::size_t expected_fields_ = 0;
  std::size_t highest_column_ = 0;  // the highest column given by number
  Column booking_date_, value_date_, amount_, debit_, credit_, currency_, reference_,
      counterparty_name_, counterparty_iban_, end_to_end_, mandate_, filter_;
  std::vector<Column> label_;
  AmountFormat format_;
  std::string scratch_;
  sdk::StatementEntry entry_;
};

}  // namespace

void read_statement(const CsvProfile& profile, std::string_view file_name, std::string_view content,
                    const sdk::StatementSink& emit) {
  StatementRun run(profile, file_name, content);
  run.read(emit);
}

}  // namespace caisse::adapters::bankcsv
