// A criteria grid as a committee adopts it: categories of criteria each scored on a small integer
// scale, the rules that turn the scores into a decision (a threshold, required criteria, k-of-n
// tiers giving a share of the basic product list) and the products never bought with the
// currency. One Grid is one version; a revised grid is a new Grid with a new version, so that
// past evaluations keep the grid they were made with (docs/accreditation-grids.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::host::accreditation {

struct Criterion {
  std::string id;  // unique in the whole grid: an answer names it alone
  std::string label;
  std::int64_t scale_min = 0;
  std::int64_t scale_max = 3;
  std::int64_t weight = 1;  // points = weight x score
  std::int64_t met_at = 3;  // the score from which the criterion counts as met
  bool required = false;    // not met -> refused, whatever the total
  bool allow_na = false;    // may be answered "n/a" (then counted neither in points nor in max)
};

// A minimum of weighted points, as absolute points and/or as a share of the maximum possible
// (per mille, compared exactly by cross-multiplication). Empty: no minimum.
struct Minimum {
  std::optional<std::int64_t> points;
  std::optional<std::int64_t> share_permille;

  bool empty() const { return !points && !share_permille; }
};

struct Category {
  std::string id;
  std::string label;
  Minimum minimum;
  std::vector<Criterion> criteria;
};

// k-of-n: at least `min_met` criteria met gives `share_permille` of the basic product list.
struct Tier {
  std::int64_t min_met = 0;
  std::int64_t share_permille = 1000;
  std::string label;
};

struct Grid {
  std::string id;       // "montpellier"
  std::string version;  // "2026-1"
  std::string name;
  std::string adopted_on;  // YYYY-MM-DD: when the committee adopted this version
  std::string source;      // where the criteria come from, free text; may be ""
  std::vector<Category> categories;
  Minimum minimum;                             // on the weighted total
  std::vector<Tier> tiers;                     // ascending min_met; empty: no k-of-n rule
  std::vector<std::string> excluded_products;  // product categories never bought here

  // The criterion with this id, or nullptr; `category` is set to its category when given.
  const Criterion* find_criterion(std::string_view criterion_id,
                                  const Category** category = nullptr) const;
  std::size_t criteria_count() const;
};

// "montpellier 2026-1": how messages name a grid version.
std::string grid_name(const Grid& grid);

}  // namespace caisse::host::accreditation
