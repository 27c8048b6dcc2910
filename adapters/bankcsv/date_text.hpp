// Dates as bank exports write them, described by a pattern in the profile: "dd/mm/yyyy",
// "yyyy-mm-dd", "dd/mm/yy", "dd.mm.yyyy", "dd-mm-yyyy hh:mi:ss"... Fields are fixed width (banks
// pad days and months with a zero); "yy" is 20yy, since an export covers recent months; a time
// ("hh", "mi", "ss") is checked and dropped, the statement keeps the day. Any other character
// stands for itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::adapters::bankcsv {

class DatePattern {
 public:
  // The pattern, or nullopt with `why` set when it is not one.
  static std::optional<DatePattern> compile(std::string_view pattern, std::string& why);

  // Writes the date `text` holds as "YYYY-MM-DD" into `out` (10 characters); false when the text
  // does not match the pattern or is no calendar date.
  bool parse(std::string_view text, char* out) const;

  const std::string& pattern() const { return pattern_; }

 private:
  enum class Token { literal, day, month, year4, year2, hour, minute, second };
  struct Piece {
    Token token = Token::literal;
    char literal = 0;
  };
  std::string pattern_;
  std::vector<Piece> pieces_;
};

}  // namespace caisse::adapters::bankcsv
