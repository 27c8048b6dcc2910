// adult_child: one monthly amount per adult and another per child (Geneva: 150 CHF per adult,
// 75 CHF per child). allocation = amount_per_adult × adults + amount_per_child × children.
#include <caisse/sdk.hpp>

#include <array>
#include <cstdint>

#include "common/rule_support.hpp"

namespace {

namespace field = caisse::sdk::field;

constexpr std::array adult_child_config{
    field::required(field::integer("amount_per_adult", nullptr,
                                   "Monthly allocation per adult, in minor units of the caisse "
                                   "currency (15000 = 150.00).")),
    field::required(field::integer("amount_per_child", nullptr,
                                   "Monthly allocation per child, in minor units of the caisse "
                                   "currency (7500 = 75.00).")),
};

class AdultChild {
 public:
  static constexpr std::uint32_t abi_minor_required = 0;

  explicit AdultChild(caisse::sdk::Host host)
      : per_adult_(caisse::rules::config_amount(host, "amount_per_adult")),
        per_child_(caisse::rules::config_amount(host, "amount_per_child")) {}

  std::int64_t allocate(const caisse::sdk::AllocationInput& household) const {
    const std::string_view id = household.household_id;
    caisse::rules::members(id, household.adults, household.children);  // refuses 0 members
    constexpr std::string_view formula = "amount_per_adult × adults + amount_per_child × children";
    return caisse::rules::checked_add(
        caisse::rules::checked_mul(per_adult_, household.adults, id, formula),
        caisse::rules::checked_mul(per_child_, household.children, id, formula), id, formula);
  }

 private:
  std::int64_t per_adult_;
  std::int64_t per_child_;
};

}  // namespace

CAISSE_PLUGIN(AdultChild, "adult_child", "1.0.0",
              "Allocation: a monthly amount per adult and another per child.", adult_child_config)
