#include "research/suppression.hpp"

#include <tuple>

namespace caisse::host::research {
namespace {

constexpr const char* kTotal = "spending_total";
constexpr const char* kByKind = "spending_by_merchant_kind";

bool same_cell(const IndicatorRow& a, const IndicatorRow& b) {
  return a.month == b.month && a.unit == b.unit;
}

// The kind groups sharing `total`'s month and currency, suppressed or not.
std::vector<IndicatorRow*> groups_of(std::vector<IndicatorRow>& rows, const IndicatorRow& total) {
  std::vector<IndicatorRow*> groups;
  for (auto& row : rows) {
    if (row.indicator == kByKind && same_cell(row, total)) groups.push_back(&row);
  }
  return groups;
}

void suppress_complement(std::vector<IndicatorRow*>& groups) {
  std::size_t hidden = 0;
  IndicatorRow* smallest = nullptr;
  auto rank = [](const IndicatorRow* r) {
    return std::make_tuple(r->value.value_or(0), r->households, r->group);
  };
  for (IndicatorRow* group : groups) {
    if (group->suppressed) {
      ++hidden;
    } else if (smallest == nullptr || rank(group) < rank(smallest)) {
      smallest = group;
    }
  }
  if (hidden == 1 && smallest != nullptr) smallest->suppressed = true;
}

}  // namespace

void suppress_small_groups(std::vector<IndicatorRow>& rows, std::int64_t min_group_size) {
  for (auto& row : rows) row.suppressed = row.households < min_group_size;
  for (const auto& total : rows) {
    if (total.indicator != kTotal || total.suppressed) continue;
    auto groups = groups_of(rows, total);
    suppress_complement(groups);
  }
}

}  // namespace caisse::host::research
