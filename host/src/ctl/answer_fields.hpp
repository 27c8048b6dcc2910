// Reading the daemon's JSON answers for display, shared by the renderers. Never throws: a
// missing or oddly typed member prints as "-", so a newer or older daemon still gets a readable
// answer; control characters in its strings become spaces so they cannot drive the terminal.
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caisse::host::ctl::fields {

// The member `key` of an object, or null (not an object, no such member, or v null).
const boost::json::value* member(const boost::json::value* v, std::string_view key);
const boost::json::value* member(const boost::json::value& v, std::string_view key);

// The member `key` when it is an array, or null.
const boost::json::array* array_member(const boost::json::value& v, std::string_view key);

// Control characters (ESC, line breaks...) become spaces: the daemon's strings are data.
std::string clean(std::string_view text);

// A scalar as text: strings as is, numbers, booleans as yes/no, null or missing as "-",
// arrays joined with ",".
std::string text(const boost::json::value* v);
std::string text(const boost::json::value& v, std::string_view key);

// An integer member, when it is one and fits in int64.
std::optional<std::int64_t> integer(const boost::json::value* v);

// The decimals of a currency as an answer states them in its "minor_unit" (0 to 9), if it does.
std::optional<int> minor_unit_of(const boost::json::value& answer);

// An amount in minor units as a decimal ("3500000" with 2 decimals -> "35000.00"), by digits,
// never through floating point. Missing or null prints "-"; without a usable minor_unit the
// integer is printed as is, labelled.
std::string amount(const boost::json::value* v, std::optional<int> minor_unit);

// "350 households", "1 household".
std::string count_of(const boost::json::value* v, std::string_view noun);

}  // namespace caisse::host::ctl::fields
