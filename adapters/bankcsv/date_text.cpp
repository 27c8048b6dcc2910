#include "date_text.hpp"

namespace caisse::adapters::bankcsv {
namespace {

bool leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

// `width` digits at text[pos], or -1.
int number_at(std::string_view text, std::size_t pos, int width) {
  if (pos + static_cast<std::size_t>(width) > text.size()) return -1;
  int value = 0;
  for (int k = 0; k < width; ++k) {
    const char c = text[pos + static_cast<std::size_t>(k)];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

void put_digits(char* out, int value, int width) {
  for (int k = width - 1; k >= 0; --k, value /= 10) out[k] = static_cast<char>('0' + value % 10);
}

}  // namespace

std::optional<DatePattern> DatePattern::compile(std::string_view pattern, std::string& why) {
  // Longest names first, so that "yyyy" is not read as two "yy".
  constexpr std::pair<std::string_view, Token> kNames[] = {
      {"yyyy", Token::year4}, {"yy", Token::year2},  {"dd", Token::day},    {"mm", Token::month},
      {"hh", Token::hour},    {"mi", Token::minute}, {"ss", Token::second},
  };
  DatePattern out;
  out.pattern_ = pattern;
  bool day = false, month = false, year = false;
  for (std::size_t i = 0; i < pattern.size();) {
    bool named = false;
    for (const auto& [name, token] : kNames) {
      if (pattern.substr(i, name.size()) != name) continue;
      out.pieces_.push_back({token, 0});
      day |= token == Token::day;
      month |= token == Token::month;
      year |= token == Token::year4 || token == Token::year2;
      i += name.size();
      named = true;
      break;
    }
    if (named) continue;
    const char c = pattern[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      why = "\"" + std::string(pattern) + "\": \"" + std::string(1, c) +
            "\" is neither a field (dd, mm, yyyy, yy, hh, mi, ss) nor a separator";
      return std::nullopt;
    }
    out.pieces_.push_back({Token::literal, c});
    ++i;
  }
  if (!day || !month || !year) {
    why = "\"" + std::string(pattern) + "\" needs a day (dd), a month (mm) and a year (yyyy or yy)";
    return std::nullopt;
  }
  return out;
}

bool DatePattern::parse(std::string_view text, char* out) const {
  int day = 0, month = 0, year = 0;
  std::size_t pos = 0;
  for (const Piece& piece : pieces_) {
    if (piece.token == Token::literal) {
      if (pos >= text.size() || text[pos] != piece.literal) return false;
      ++pos;
      continue;
    }
    const int width = piece.token == Token::year4 ? 4 : 2;
    const int value = number_at(text, pos, width);
    pos += static_cast<std::size_t>(width);
    switch (piece.token) {
      case Token::day:
        day = value;
        break;
      case Token::month:
        month = value;
        break;
      case Token::year4:
        year = value;
        break;
      case Token::year2:
        year = value < 0 ? -1 : 2000 + value;
        break;
      case Token::hour:
        if (value > 23) return false;
        break;
      case Token::minute:
      case Token::second:
        if (value > 59) return false;
        break;
      case Token::literal:
        break;
    }
    if (value < 0) return false;
  }
  if (pos != text.size() || year < 1 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return false;
  }
  put_digits(out, year, 4);
  out[4] = '-';
  put_digits(out + 5, month, 2);
  out[7] = '-';
  put_digits(out + 8, day, 2);
  return true;
}

}  // namespace caisse::adapters::bankcsv
