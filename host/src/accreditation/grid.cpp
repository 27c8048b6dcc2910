#include "accreditation/grid.hpp"

namespace caisse::host::accreditation {

const Criterion* Grid::find_criterion(std::string_view criterion_id,
                                      const Category** category) const {
  for (const Category& c : categories) {
    for (const Criterion& criterion : c.criteria) {
      if (criterion.id != criterion_id) continue;
      if (category != nullptr) *category = &c;
      return &criterion;
    }
  }
  return nullptr;
}

std::size_t Grid::criteria_count() const {
  std::size_t count = 0;
  for (const Category& c : categories) count += c.criteria.size();
  return count;
}

std::string grid_name(const Grid& grid) {
  return grid.id + " " + grid.version;
}

}  // namespace caisse::host::accreditation
