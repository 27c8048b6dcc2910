// Lists of values through text-format statements, as one parameter: `= ANY($1::text[])` or
// `unnest($1::text[], $2::text[])`, so a batch costs one statement whatever its size.
#pragma once

#include <string>
#include <vector>

namespace caisse::host::store {

// A PostgreSQL array literal of text values: {"a","b\"c"}. Every element is quoted, so an
// empty string or the word NULL stays a string.
std::string text_array(const std::vector<std::string>& values);

}  // namespace caisse::host::store
