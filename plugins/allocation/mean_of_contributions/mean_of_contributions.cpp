// mean_of_contributions: the month's contributions shared equally between the households of the
// cycle (Soli'doume: "the mean of all cotisations, credited equally").
//   allocation = floor(month_contributions_minor / household_count), at most cap_per_household.
// The remainder of the division (less than one minor unit per household) and whatever the cap
// holds back are not allocated: they stay in the fund. Household size plays no part.
#include <caisse/sdk.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "common/rule_support.hpp"

namespace {

namespace field = caisse::sdk::field;

constexpr std::array mean_of_contributions_config{
    field::integer("cap_per_household", nullptr,
                   "Optional ceiling on each household's share, in minor units of the caisse "
                   "currency; without it the whole mean is credited."),
};

class MeanOfContributions {
 public:
  static constexpr std::uint32_t abi_minor_required = 0;

  explicit MeanOfContributions(caisse::sdk::Host host)
      : cap_(caisse::rules::optional_amount(host, "cap_per_household")) {}

  std::int64_t allocate(const caisse::sdk::AllocationInput& household) const {
    const std::string id(household.household_id);
    if (household.month_contributions_minor < 0) {
      caisse::rules::refuse("household " + id + ": the month's contributions are negative (" +
                            std::to_string(household.month_contributions_minor) + ")");
    }
    // The host asks for one of the cycle's households, so there is at least one: 0 is an input
    // error, not a reason to credit nothing.
    if (household.household_count == 0) {
      caisse::rules::refuse("household " + id +
                            ": household_count is 0, the mean of the contributions is undefined");
    }
    const auto share =
        static_cast<std::int64_t>(static_cast<std::uint64_t>(household.month_contributions_minor) /
                                  household.household_count);
    return cap_ ? std::min(share, *cap_) : share;
  }

 private:
  std::optional<std::int64_t> cap_;
};

}  // namespace

CAISSE_PLUGIN(MeanOfContributions, "mean_of_contributions", "1.0.0",
              "Allocation: the month's contributions divided equally between the households.",
              mean_of_contributions_config)
