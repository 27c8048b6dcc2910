// Text helpers of the Cyclos peer (internal): query strings, Basic credentials, decimal amounts
// as int64 minor units (never floating point), ISO-8601 instants, and JSON bodies parsed with the
// exact text of every number kept, so that {"amount": 12.50} is read as "12.50", not as a double.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace caisse::testing::cyclos::detail {

// %XX and, when `plus_is_space`, '+' decoded; nullopt for a broken %-escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// "a=1&b=x%2Cy&a=2" -> {a: ["1", "2"], b: ["x,y"]}; nullopt for a broken %-escape.
using QueryValues = std::map<std::string, std::vector<std::string>, std::less<>>;
std::optional<QueryValues> parse_query(std::string_view raw);

// "a,b,,c" -> {"a", "b", "", "c"}; "" -> {""}.
std::vector<std::string> split(std::string_view text, char separator);

bool iequals(std::string_view a, std::string_view b);

// Standard base64 (with or without padding); nullopt when it is not base64.
std::optional<std::string> base64_decode(std::string_view text);

// A decimal amount in currency units ("12.5", "12.50", "100") as minor units for a currency with
// `decimal_digits` decimals. Only digits with at most one '.', an optional leading '-' (so that
// "-5" is a number the caller refuses as non-positive); no exponent, no ',' and no spaces.
enum class AmountProblem { none, not_a_number, too_many_decimals, too_large };
struct ParsedAmount {
  std::int64_t minor = 0;
  AmountProblem problem = AmountProblem::none;
};
ParsedAmount parse_amount(std::string_view text, int decimal_digits);
// 1250, 2 -> "12.50"; 7, 0 -> "7"; -5, 2 -> "-0.05".
std::string format_amount(std::int64_t minor, int decimal_digits);

// "2024-03-05", "2024-03-05T10:00", "2024-03-05T10:00:00.123Z", "...+01:00" -> epoch ms (UTC when
// no offset). `date_only` tells whether only a date was given. nullopt when not such an instant.
std::optional<std::int64_t> parse_instant(std::string_view text, bool* date_only = nullptr);
// epoch ms -> "2024-03-05T10:00:00.000+00:00", the form Cyclos answers dates in.
std::string format_instant(std::int64_t epoch_ms);

// A JSON document and the source text of each number in it, keyed by a path of object keys and
// array indexes joined with '/' ("/amount", "/customValues/x", "/installments/0/amount").
struct JsonBody {
  boost::json::value value;
  std::map<std::string, std::string, std::less<>> number_text;
};
// nullopt when `text` is not exactly one JSON document in valid UTF-8.
std::optional<JsonBody> parse_json_body(std::string_view text);

}  // namespace caisse::testing::cyclos::detail
