// A rule written with caisse/sdk.hpp that implements the two ABI 1.1 rule hooks and not
// allocate: its caisse_on_rule_allocate is NULL, which the host must answer UNSUPPORTED.
#include <caisse/sdk.hpp>

#include <cstdint>
#include <string>

namespace {

class GridAndBonus {
 public:
  explicit GridAndBonus(caisse::sdk::Host) {}

  // 1% of the income (floor), 7 per member when the income is undeclared; echoes QF when the
  // income is exactly zero, so a test sees every field arrive.
  std::int64_t suggest_contribution(const caisse::sdk::ContributionInput& in) {
    if (in.monthly_income_minor < 0) {
      throw caisse::sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                                     "household " + std::string(in.household_id) +
                                         " declared no income");
    }
    if (in.monthly_income_minor == 0) return in.quotient_familial + in.monthly_fixed_costs_minor;
    return in.monthly_income_minor / 100 + 7 * (std::int64_t{in.adults} + in.children);
  }

  // A tenth of the purchases; the month in the error proves the strings arrive.
  std::int64_t bonus(const caisse::sdk::BonusInput& in) {
    if (in.currency != "EUR") {
      throw caisse::sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                                     "no bonus in " + std::string(in.currency) + " for " +
                                         std::string(in.month));
    }
    return in.tagged_purchases_minor / 10 + in.adults + in.children;
  }
};

}  // namespace

CAISSE_PLUGIN(GridAndBonus, "grid_and_bonus", "0.0.1", "Suggests contributions and bonuses.",
              caisse::sdk::no_config)
