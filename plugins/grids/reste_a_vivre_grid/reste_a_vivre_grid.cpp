// reste_a_vivre_grid: a suggested monthly contribution that is a share of the household's "reste
// à vivre" per person, never below a floor per person (Nantes: from 5 € per person).
//   reste à vivre            = max(0, monthly income - monthly fixed costs)
//   per person               = floor(reste à vivre / members)
//   suggestion per person    = max(floor(per person × rate_bp / 10000), floor_per_person)
//   suggestion               = suggestion per person × members
// Every division rounds down. Income and fixed costs must both be declared.
#include <caisse/sdk.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "common/rule_support.hpp"

namespace {

namespace field = caisse::sdk::field;

constexpr std::array reste_a_vivre_grid_config{
    field::required(field::integer("rate_bp", nullptr,
                                   "Share of the reste à vivre per person suggested as its monthly "
                                   "contribution, in basis points (500 = 5 %, 10000 = 100 %).")),
    field::required(field::integer("floor_per_person", nullptr,
                                   "Lowest suggestion per household member, in minor units of the "
                                   "currency (500 = 5.00 €).")),
};

class ResteAVivreGrid {
 public:
  // Uses ABI 1.1 (its rule hook appeared there) and nothing newer.
  static constexpr std::uint32_t abi_minor_required = 1;

  explicit ResteAVivreGrid(caisse::sdk::Host host)
      : rate_bp_(caisse::rules::config_rate_bp(host, "rate_bp")),
        floor_per_person_(caisse::rules::config_amount(host, "floor_per_person")) {}

  std::int64_t suggest_contribution(const caisse::sdk::ContributionInput& household) const {
    const std::string_view id = household.household_id;
    if (household.monthly_income_minor < 0) {
      caisse::rules::refuse("household " + std::string(id) + " declared no monthly income");
    }
    if (household.monthly_fixed_costs_minor < 0) {
      caisse::rules::refuse("household " + std::string(id) + " declared no monthly fixed costs");
    }
    const std::int64_t members = caisse::rules::members(id, household.adults, household.children);
    // Both are >= 0, so the difference cannot overflow.
    const std::int64_t reste_a_vivre = std::max<std::int64_t>(
        0, household.monthly_income_minor - household.monthly_fixed_costs_minor);
    const std::int64_t share = caisse::rules::basis_points_of(reste_a_vivre / members, rate_bp_, id,
                                                              "reste à vivre per person × rate_bp");
    return caisse::rules::checked_mul(std::max(share, floor_per_person_), members, id,
                                      "suggestion per person × members");
  }

 private:
  std::int64_t rate_bp_;
  std::int64_t floor_per_person_;
};

}  // namespace

CAISSE_PLUGIN(
    ResteAVivreGrid, "reste_a_vivre_grid", "1.0.0",
    "Contribution grid: a share of the reste à vivre per person, with a floor per person.",
    reste_a_vivre_grid_config)
