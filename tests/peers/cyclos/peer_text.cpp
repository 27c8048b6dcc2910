#include "peer_text.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <limits>
#include <utility>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

namespace caisse::testing::cyclos::detail {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int out = 0;
  for (char c : digits) out = out * 10 + (c - '0');
  return out;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

unsigned days_in_month(int year, unsigned month) {
  static constexpr std::array<unsigned, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

// Builds a boost::json::value through value_stack and records the source text of every number
// with the path it sits at.
class NumberKeepingHandler {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  using error_code = boost::json::error_code;
  using string_view = boost::json::string_view;

  bool on_document_begin(error_code&) {
    stack_.reset();
    return true;
  }
  bool on_document_end(error_code&) { return true; }
  bool on_array_begin(error_code&) {
    frames_.push_back(Frame{false, {}, 0});
    return true;
  }
  bool on_array_end(std::size_t n, error_code&) {
    frames_.pop_back();
    stack_.push_array(n);
    after_value();
    return true;
  }
  bool on_object_begin(error_code&) {
    frames_.push_back(Frame{true, {}, 0});
    return true;
  }
  bool on_object_end(std::size_t n, error_code&) {
    frames_.pop_back();
    stack_.push_object(n);
    after_value();
    return true;
  }
  bool on_string_part(string_view s, std::size_t, error_code&) {
    stack_.push_chars(s);
    return true;
  }
  bool on_string(string_view s, std::size_t, error_code&) {
    stack_.push_string(s);
    after_value();
    return true;
  }
  bool on_key_part(string_view s, std::size_t, error_code&) {
    stack_.push_chars(s);
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(string_view s, std::size_t, error_code&) {
    stack_.push_key(s);
    key_.append(s.data(), s.size());
    frames_.back().key = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_number_part(string_view s, error_code&) {
    number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, string_view s, error_code&) {
    record_number(s);
    stack_.push_int64(i);
    after_value();
    return true;
  }
  bool on_uint64(std::uint64_t u, string_view s, error_code&) {
    record_number(s);
    stack_.push_uint64(u);
    after_value();
    return true;
  }
  bool on_double(double d, string_view s, error_code&) {
    record_number(s);
    stack_.push_double(d);
    after_value();
    return true;
  }
  bool on_bool(bool b, error_code&) {
    stack_.push_bool(b);
    after_value();
    return true;
  }
  bool on_null(error_code&) {
    stack_.push_null();
    after_value();
    return true;
  }
  bool on_comment_part(string_view, error_code&) { return true; }
  bool on_comment(string_view, error_code&) { return true; }

  boost::json::value release() { return stack_.release(); }
  std::map<std::string, std::string, std::less<>>& numbers() { return numbers_; }

 private:
  struct Frame {
    bool object;
    std::string key;
    std::size_t index;
  };

  std::string path() const {
    std::string out;
    for (const Frame& frame : frames_) {
      out += '/';
      out += frame.object ? frame.key : std::to_string(frame.index);
    }
    return out;
  }
  void record_number(string_view last) {
    number_.append(last.data(), last.size());
    numbers_[path()] = std::move(number_);
    number_.clear();
  }
  void after_value() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
  }

  boost::json::value_stack stack_;
  std::vector<Frame> frames_;
  std::string key_;
  std::string number_;
  std::map<std::string, std::string, std::less<>> numbers_;
};

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<QueryValues> parse_query(std::string_view raw) {
  QueryValues out;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t end = raw.find('&', start);
    if (end == std::string_view::npos) end = raw.size();
    std::string_view pair = raw.substr(start, end - start);
    if (!pair.empty()) {
      std::size_t equals = pair.find('=');
      auto name = percent_decode(pair.substr(0, equals), true);
      auto value = percent_decode(
          equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
      if (!name || !value) return std::nullopt;
      out[*name].push_back(*value);
    }
    start = end + 1;
  }
  return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      out.emplace_back(text.substr(start));
      return out;
    }
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::optional<std::string> base64_decode(std::string_view text) {
  auto value_of = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = value_of(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

ParsedAmount parse_amount(std::string_view text, int decimal_digits) {
  ParsedAmount out;
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (!all_digits(whole) || (dot != std::string_view::npos && !all_digits(fraction))) {
    out.problem = AmountProblem::not_a_number;
    return out;
  }
  // Trailing zeros beyond the currency's digits change nothing ("12.500" is 12.50).
  while (fraction.size() > static_cast<std::size_t>(decimal_digits) && fraction.back() == '0') {
    fraction.remove_suffix(1);
  }
  if (fraction.size() > static_cast<std::size_t>(decimal_digits)) {
    out.problem = AmountProblem::too_many_decimals;
    return out;
  }
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  std::int64_t value = 0;
  auto push_digit = [&](int digit) {
    if (value > (max - digit) / 10) return false;
    value = value * 10 + digit;
    return true;
  };
  for (char c : whole) {
    if (!push_digit(c - '0')) {
      out.problem = AmountProblem::too_large;
      return out;
    }
  }
  for (int i = 0; i < decimal_digits; ++i) {
    int digit = static_cast<std::size_t>(i) < fraction.size()
                    ? fraction[static_cast<std::size_t>(i)] - '0'
                    : 0;
    if (!push_digit(digit)) {
      out.problem = AmountProblem::too_large;
      return out;
    }
  }
  out.minor = negative ? -value : value;
  return out;
}

std::string format_amount(std::int64_t minor, int decimal_digits) {
  bool negative = minor < 0;
  // Work on the unsigned magnitude so that INT64_MIN formats too.
  std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(minor + 1)) + 1 : static_cast<std::uint64_t>(minor);
  std::string digits = std::to_string(magnitude);
  if (decimal_digits > 0) {
    // Built by appending: g++ 12 reports a false -Wrestrict on std::string::insert here.
    std::size_t places = static_cast<std::size_t>(decimal_digits);
    std::string padded(digits.size() <= places ? places + 1 - digits.size() : 0, '0');
    padded += digits;
    std::string out = padded.substr(0, padded.size() - places);
    out += '.';
    out += padded.substr(padded.size() - places);
    digits = std::move(out);
  }
  return negative ? "-" + digits : digits;
}

std::optional<std::int64_t> parse_instant(std::string_view text, bool* date_only) {
  // YYYY-MM-DD
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    return std::nullopt;
  }
  int year = to_int(text.substr(0, 4));
  int month = to_int(text.substr(5, 2));
  int day = to_int(text.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month))) {
    return std::nullopt;
  }
  std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (date_only != nullptr) *date_only = text.size() == 10;
  if (text.size() == 10) return days * 86'400'000;
  if (text[10] != 'T' && text[10] != 't') return std::nullopt;
  std::string_view rest = text.substr(11);
  // HH:MM[:SS[.fraction]]
  if (rest.size() < 5 || rest[2] != ':' || !all_digits(rest.substr(0, 2)) ||
      !all_digits(rest.substr(3, 2))) {
    return std::nullopt;
  }
  int hour = to_int(rest.substr(0, 2));
  int minute = to_int(rest.substr(3, 2));
  int second = 0;
  int millis = 0;
  rest.remove_prefix(5);
  if (!rest.empty() && rest.front() == ':') {
    if (rest.size() < 3 || !all_digits(rest.substr(1, 2))) return std::nullopt;
    second = to_int(rest.substr(1, 2));
    rest.remove_prefix(3);
    if (!rest.empty() && rest.front() == '.') {
      rest.remove_prefix(1);
      std::size_t n = 0;
      while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
      if (n == 0) return std::nullopt;
      for (std::size_t i = 0; i < 3; ++i) millis = millis * 10 + (i < n ? rest[i] - '0' : 0);
      rest.remove_prefix(n);
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  int offset_minutes = 0;
  if (rest == "Z" || rest == "z" || rest.empty()) {
    // UTC; the peer's time zone is UTC, so a time without offset is UTC too.
  } else if (rest.front() == '+' || rest.front() == '-') {
    int sign = rest.front() == '-' ? -1 : 1;
    std::string_view zone = rest.substr(1);
    std::string_view hh;
    std::string_view mm;
    if (zone.size() == 5 && zone[2] == ':') {
      hh = zone.substr(0, 2);
      mm = zone.substr(3, 2);
    } else if (zone.size() == 4) {
      hh = zone.substr(0, 2);
      mm = zone.substr(2, 2);
    } else if (zone.size() == 2) {
      hh = zone;
      mm = "00";
    } else {
      return std::nullopt;
    }
    if (!all_digits(hh) || !all_digits(mm) || to_int(hh) > 18 || to_int(mm) > 59) {
      return std::nullopt;
    }
    offset_minutes = sign * (to_int(hh) * 60 + to_int(mm));
  } else {
    return std::nullopt;
  }
  std::int64_t seconds = days * 86'400 + hour * 3'600 + minute * 60 + second -
                         static_cast<std::int64_t>(offset_minutes) * 60;
  return seconds * 1000 + millis;
}

std::string format_instant(std::int64_t epoch_ms) {
  std::int64_t days =
      epoch_ms >= 0 ? epoch_ms / 86'400'000 : -((-epoch_ms + 86'399'999) / 86'400'000);
  std::int64_t in_day = epoch_ms - days * 86'400'000;
  Civil date = civil_from_days(days);
  int hour = static_cast<int>(in_day / 3'600'000);
  int minute = static_cast<int>(in_day / 60'000 % 60);
  int second = static_cast<int>(in_day / 1000 % 60);
  int millis = static_cast<int>(in_day % 1000);
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03d+00:00", date.year,
                date.month, date.day, hour, minute, second, millis);
  return buffer;
}

std::optional<JsonBody> parse_json_body(std::string_view text) {
  boost::json::basic_parser<NumberKeepingHandler> parser{boost::json::parse_options{}};
  boost::json::error_code ec;
  std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (ec || !parser.done() || used != text.size()) return std::nullopt;
  JsonBody out;
  out.value = parser.handler().release();
  out.number_text = std::move(parser.handler().numbers());
  return out;
}

}  // namespace caisse::testing::cyclos::detail
