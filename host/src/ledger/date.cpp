#include "ledger/date.hpp"

#include <cstdio>

namespace caisse::host::ledger {

std::string format_date(Date date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

Result<Date> parse_date(std::string_view text) {
  auto refuse = [&] {
    return make_error("\"" + std::string(text) + "\" is not a date YYYY-MM-DD");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return refuse();
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = starts[f]; i < starts[f] + lengths[f]; ++i) {
      if (text[i] < '0' || text[i] > '9') return refuse();
      fields[f] = fields[f] * 10 + (text[i] - '0');
    }
  }
  Date date{std::chrono::year{fields[0]}, std::chrono::month{static_cast<unsigned>(fields[1])},
            std::chrono::day{static_cast<unsigned>(fields[2])}};
  if (!date.ok()) return refuse();
  return date;
}

}  // namespace caisse::host::ledger
