// household_minimum_grid: the minimum monthly contribution a caisse asks of a household, an
// amount for the household plus one for each member beyond the first (Gironde: 10 € per foyer +
// 5 € per extra person). It ignores income: the household may always give more.
//   suggestion = household_minimum + extra_person_minimum × (adults + children - 1)
#include <caisse/sdk.hpp>

#include <array>
#include <cstdint>

#include "common/rule_support.hpp"

namespace {

namespace field = caisse::sdk::field;

constexpr std::array household_minimum_grid_config{
    field::required(field::integer("household_minimum", nullptr,
                                   "Minimum monthly contribution of a one-person household, in "
                                   "minor units of the currency (1000 = 10.00 €).")),
    field::required(
        field::integer("extra_person_minimum", nullptr,
                       "Added to the minimum for each member beyond the first, in minor "
                       "units of the currency (500 = 5.00 €).")),
};

class HouseholdMinimumGrid {
 public:
  // Uses ABI 1.1 (its rule hook appeared there) and nothing newer.
  static constexpr std::uint32_t abi_minor_required = 1;

  explicit HouseholdMinimumGrid(caisse::sdk::Host host)
      : household_minimum_(caisse::rules::config_amount(host, "household_minimum")),
        extra_person_minimum_(caisse::rules::config_amount(host, "extra_person_minimum")) {}

  std::int64_t suggest_contribution(const caisse::sdk::ContributionInput& household) const {
    return caisse::rules::first_plus_extra(
        household_minimum_, extra_person_minimum_,
        caisse::rules::members(household.household_id, household.adults, household.children),
        household.household_id, "household_minimum + extra_person_minimum × (members - 1)");
  }

 private:
  std::int64_t household_minimum_;
  std::int64_t extra_person_minimum_;
};

}  // namespace

CAISSE_PLUGIN(HouseholdMinimumGrid, "household_minimum_grid", "1.0.0",
              "Contribution grid: a minimum per household plus a minimum per extra member.",
              household_minimum_grid_config)
