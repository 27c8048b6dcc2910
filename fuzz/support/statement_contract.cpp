#include "statement_contract.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace caisse::fuzz {
namespace {

bool digits(std::string_view text) {
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int number(std::string_view text) {
  return std::stoi(std::string(text));
}

bool calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4)) ||
      !digits(text.substr(5, 2)) || !digits(text.substr(8, 2))) {
    return false;
  }
  const std::chrono::year_month_day day{std::chrono::year{number(text.substr(0, 4))},
                                        std::chrono::month{unsigned(number(text.substr(5, 2)))},
                                        std::chrono::day{unsigned(number(text.substr(8, 2)))}};
  return day.ok();
}

bool currency_code(std::string_view text) {
  if (text.size() != 3) return false;
  for (const char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

[[noreturn]] void broken(const caisse::sdk::StatementEntry& entry, const char* promise,
                         const std::string& value) {
  std::fprintf(stderr, "statement line at \"%s\" breaks the SDK's promise: %s, got \"%s\"\n",
               entry.location.c_str(), promise, value.c_str());
  std::abort();
}

}  // namespace

void check_statement_entry(const caisse::sdk::StatementEntry& entry) {
  if (entry.location.empty()) broken(entry, "location is not empty", entry.location);
  if (!calendar_date(entry.booking_date)) {
    broken(entry, "booking_date is a date YYYY-MM-DD", entry.booking_date);
  }
  if (!entry.value_date.empty() && !calendar_date(entry.value_date)) {
    broken(entry, "value_date is \"\" or a date YYYY-MM-DD", entry.value_date);
  }
  if (!currency_code(entry.currency)) broken(entry, "currency is an ISO 4217 code", entry.currency);
}

}  // namespace caisse::fuzz
