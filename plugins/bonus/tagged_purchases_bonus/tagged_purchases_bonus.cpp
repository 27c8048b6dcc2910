// tagged_purchases_bonus: a bonus paid back on a month's purchases at the merchants the committee
// tagged (organic, short supply chain...), a percentage of them capped per month (Vital'im: +50 %,
// at most 25 €; Gers: a bonus at about 20 places).
//   bonus = min(floor(tagged_purchases_minor × rate_bp / 10000), cap_per_month)
#include <caisse/sdk.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "common/rule_support.hpp"

namespace {

namespace field = caisse::sdk::field;

constexpr std::array tagged_purchases_bonus_config{
    field::required(field::integer("rate_bp", nullptr,
                                   "Bonus as a share of the month's purchases at tagged merchants, "
                                   "in basis points (5000 = 50 %, 10000 = 100 %).")),
    field::integer("cap_per_month", nullptr,
                   "Optional ceiling on one household's bonus for a month, in minor units of the "
                   "currency (2500 = 25.00 €); without it the bonus is not capped."),
};

class TaggedPurchasesBonus {
 public:
  // Uses ABI 1.1 (its rule hook appeared there) and nothing newer.
  static constexpr std::uint32_t abi_minor_required = 1;

  explicit TaggedPurchasesBonus(caisse::sdk::Host host)
      : rate_bp_(caisse::rules::config_rate_bp(host, "rate_bp")),
        cap_(caisse::rules::optional_amount(host, "cap_per_month")) {}

  std::int64_t bonus(const caisse::sdk::BonusInput& household) const {
    if (household.tagged_purchases_minor < 0) {
      caisse::rules::refuse("household " + std::string(household.household_id) +
                            ": tagged purchases are negative (" +
                            std::to_string(household.tagged_purchases_minor) + ")");
    }
    const std::int64_t earned =
        caisse::rules::basis_points_of(household.tagged_purchases_minor, rate_bp_,
                                       household.household_id, "tagged purchases × rate_bp");
    return cap_ ? std::min(earned, *cap_) : earned;
  }

 private:
  std::int64_t rate_bp_;
  std::optional<std::int64_t> cap_;
};

}  // namespace

CAISSE_PLUGIN(TaggedPurchasesBonus, "tagged_purchases_bonus", "1.0.0",
              "Bonus: a capped percentage of the month's purchases at tagged merchants.",
              tagged_purchases_bonus_config)
