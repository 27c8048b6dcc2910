#include "daemon/suggestion_query.hpp"

#include <charconv>
#include <cstdint>
#include <string>

#include "http/query_fields.hpp"
#include "money/money.hpp"

namespace caisse::host::daemon {
namespace {

constexpr const char* kFields = "month, adults, children, income, fixed_costs, quotient_familial";

Error invalid(std::string_view field, const std::string& why) {
  return Error{"contribution-suggestion: " + std::string(field) + ": " + why, ErrorKind::invalid};
}

Result<std::int64_t> whole_number(std::string_view field, std::string_view text, std::int64_t low,
                                  std::int64_t high) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < low || value > high) {
    return invalid(field, "\"" + std::string(text) + "\" is not a whole number from " +
                              std::to_string(low) + " to " + std::to_string(high));
  }
  return value;
}

Result<std::int64_t> euros(std::string_view field, std::string_view text) {
  auto cents = money::parse_decimal(text, 2);
  if (!cents || *cents < 0) {
    return invalid(field, "\"" + std::string(text) + "\" is not an amount in euros like 1450.00");
  }
  return *cents;
}

}  // namespace

Result<SuggestionQuery> parse_suggestion_query(std::string_view query, Month current_month) {
  SuggestionQuery out{current_month, {}};
  bool adults_given = false;
  auto fields = http::query_fields(query);
  if (!fields)
    return Error{"contribution-suggestion: " + fields.error().message, ErrorKind::invalid};
  for (const auto& [name, value] : *fields) {
    if (value.empty()) return invalid(name, "needs a value");
    if (name == "month") {
      auto month = parse_month(value);
      if (!month) return invalid(name, month.error().message);
      out.month = *month;
    } else if (name == "adults") {
      auto n = whole_number(name, value, 1, 99);
      if (!n) return n.error();
      out.household.adults = static_cast<std::uint32_t>(*n);
      adults_given = true;
    } else if (name == "children") {
      auto n = whole_number(name, value, 0, 99);
      if (!n) return n.error();
      out.household.children = static_cast<std::uint32_t>(*n);
    } else if (name == "income") {
      auto cents = euros(name, value);
      if (!cents) return cents.error();
      out.household.monthly_income_minor = *cents;
    } else if (name == "fixed_costs") {
      auto cents = euros(name, value);
      if (!cents) return cents.error();
      out.household.monthly_fixed_costs_minor = *cents;
    } else if (name == "quotient_familial") {
      auto qf = whole_number(name, value, 0, 1'000'000);
      if (!qf) return qf.error();
      out.household.quotient_familial = *qf;
    } else {
      return invalid(name, std::string("unknown field; expected ") + kFields);
    }
  }
  if (!adults_given) return invalid("adults", "required (1-99)");
  return out;
}

}  // namespace caisse::host::daemon
