// first_plus_extra: one amount for the household's first member and a smaller one for each
// further member (Nantes: 100 € + 50 € per extra person).
// allocation = first_person + extra_person × (adults + children - 1).
#include <caisse/sdk.hpp>

#include <array>
#include <cstdint>

#include "common/rule_support.hpp"

namespace {

namespace field = caisse::sdk::field;

constexpr std::array first_plus_extra_config{
    field::required(field::integer("first_person", nullptr,
                                   "Monthly allocation for the household's first member, in minor "
                                   "units of the caisse currency (10000 = 100.00).")),
    field::required(field::integer("extra_person", nullptr,
                                   "Monthly allocation added for each further member, adult or "
                                   "child, in minor units of the caisse currency.")),
};

class FirstPlusExtra {
 public:
  static constexpr std::uint32_t abi_minor_required = 0;

  explicit FirstPlusExtra(caisse::sdk::Host host)
      : first_(caisse::rules::config_amount(host, "first_person")),
        extra_(caisse::rules::config_amount(host, "extra_person")) {}

  std::int64_t allocate(const caisse::sdk::AllocationInput& household) const {
    const std::int64_t members =
        caisse::rules::members(household.household_id, household.adults, household.children);
    return caisse::rules::first_plus_extra(first_, extra_, members, household.household_id,
                                           "first_person + extra_person × (members - 1)");
  }

 private:
  std::int64_t first_;
  std::int64_t extra_;
};

}  // namespace

CAISSE_PLUGIN(FirstPlusExtra, "first_plus_extra", "1.0.0",
              "Allocation: an amount for the first household member plus one per extra member.",
              first_plus_extra_config)
