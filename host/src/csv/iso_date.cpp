#include "csv/iso_date.hpp"

namespace caisse::host::csv {

Result<Date> parse_date(std::string_view text) {
  auto bad = [&] {
    return make_error("\"" + std::string(text) + "\" is not a date YYYY-MM-DD", ErrorKind::invalid);
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t k = starts[p]; k < starts[p] + lengths[p]; ++k) {
      if (text[k] < '0' || text[k] > '9') return bad();
      parts[p] = parts[p] * 10 + (text[k] - '0');
    }
  }
  const Date date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!date.ok() || parts[0] < 1900) return bad();
  return date;
}

std::string format_date(Date date) {
  auto two = [](unsigned v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return std::to_string(static_cast<int>(date.year())) + "-" +
         two(static_cast<unsigned>(date.month())) + "-" + two(static_cast<unsigned>(date.day()));
}

}  // namespace caisse::host::csv
