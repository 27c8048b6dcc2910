// Small groups are suppressed (pure): a row describing fewer households than the caisse's
// threshold would tell a researcher about one or two identifiable households (what one member
// contributed, where one family shops). Such a row keeps its indicator, month, group and unit,
// and loses its households and value.
//
// Complementary suppression: when exactly one merchant kind of a month (in one currency) is
// suppressed while that month's spending_total is published, the hidden group is the total minus
// the published ones; the smallest other group of the month is then suppressed too (by value,
// then households, then name), so only the sum of two groups can be worked out.
#pragma once

#include <cstdint>
#include <vector>

#include "research/indicator_rows.hpp"

namespace caisse::host::research {

inline constexpr std::int64_t kDefaultMinGroupSize = 5;

// Marks rows suppressed; `min_group_size` is at least 2 (the config checks it).
void suppress_small_groups(std::vector<IndicatorRow>& rows, std::int64_t min_group_size);

}  // namespace caisse::host::research
