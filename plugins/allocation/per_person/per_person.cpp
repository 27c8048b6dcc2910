// per_person: the same monthly allocation for every member of the household, adult or child
// (Montpellier: 100 € per person). allocation = amount_per_person × (adults + children).
#include <caisse/sdk.hpp>

#include <array>
#include <cstdint>

#include "common/rule_support.hpp"

namespace {

namespace field = caisse::sdk::field;

constexpr std::array per_person_config{
    field::required(field::integer("amount_per_person", nullptr,
                                   "Monthly allocation per household member, adult or child, in "
                                   "minor units of the caisse currency (10000 = 100.00).")),
};

class PerPerson {
 public:
  // Uses nothing newer than ABI 1.0: a 1.0 host loads it too.
  static constexpr std::uint32_t abi_minor_required = 0;

  explicit PerPerson(caisse::sdk::Host host)
      : amount_per_person_(caisse::rules::config_amount(host, "amount_per_person")) {}

  std::int64_t allocate(const caisse::sdk::AllocationInput& household) const {
    const std::int64_t members =
        caisse::rules::members(household.household_id, household.adults, household.children);
    return caisse::rules::checked_mul(amount_per_person_, members, household.household_id,
                                      "amount_per_person × members");
  }

 private:
  std::int64_t amount_per_person_;
};

}  // namespace

CAISSE_PLUGIN(PerPerson, "per_person", "1.0.0",
              "Allocation: a fixed amount per household member each month.", per_person_config)
