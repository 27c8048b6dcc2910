// fixed_per_cycle: the same allocation for every household within a cycle, the committee setting
// the amount cycle by cycle (Toulouse: 100 to 150 MonA, identical for all within a cycle).
//   amounts = "2026-01=10000,2026-02=15000"  the amount of each listed cycle month;
//   amount  = 12000                          the amount of any month not listed;
//   min_amount / max_amount                  the bounds the committee agreed; init refuses an
//                                            amount outside them;
//   per_person = true                        multiply by the household's members.
// A month neither listed nor covered by `amount` fails the hook (INVALID_ARGUMENT).
#include <caisse/sdk.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/rule_support.hpp"

namespace {

namespace field = caisse::sdk::field;

constexpr std::array fixed_per_cycle_config{
    field::integer("amount", nullptr,
                   "Allocation for any cycle month not listed in amounts, in minor units of the "
                   "caisse currency; optional when amounts lists every month."),
    field::string("amounts", "",
                  "Allocation per cycle month, as \"YYYY-MM=AMOUNT\" items separated by commas, "
                  "AMOUNT in minor units (\"2026-01=10000,2026-02=15000\")."),
    field::integer("min_amount", nullptr,
                   "Optional lowest allowed amount, in minor units; init refuses a smaller one."),
    field::integer("max_amount", nullptr,
                   "Optional highest allowed amount, in minor units; init refuses a larger one."),
    field::boolean("per_person", "false",
                   "When true the amount is per household member, otherwise per household."),
};

using caisse::sdk::ConfigError;

class FixedPerCycle {
 public:
  static constexpr std::uint32_t abi_minor_required = 0;

  explicit FixedPerCycle(caisse::sdk::Host host)
      : default_(caisse::rules::optional_amount(host, "amount")),
        min_(caisse::rules::optional_amount(host, "min_amount")),
        max_(caisse::rules::optional_amount(host, "max_amount")),
        per_person_(host.config<bool>("per_person")) {
    if (min_ && max_ && *min_ > *max_) {
      throw ConfigError("min_amount " + std::to_string(*min_) + " is above max_amount " +
                        std::to_string(*max_));
    }
    parse_amounts(host.config<std::string>("amounts"));
    if (!default_ && by_month_.empty()) {
      throw ConfigError("set amount, amounts or both: there is no allocation for any month");
    }
    if (default_) check_bounds("amount", *default_);
  }

  std::int64_t allocate(const caisse::sdk::AllocationInput& household) const {
    const std::string_view id = household.household_id;
    const std::int64_t amount = amount_for(household);
    if (!per_person_) return amount;
    const std::int64_t members = caisse::rules::members(id, household.adults, household.children);
    return caisse::rules::checked_mul(amount, members, id, "amount × members");
  }

 private:
  std::int64_t amount_for(const caisse::sdk::AllocationInput& household) const {
    const auto listed = by_month_.find(household.month);
    if (listed != by_month_.end()) return listed->second;
    if (default_) return *default_;
    caisse::rules::refuse("household " + std::string(household.household_id) +
                          ": no amount for cycle month " + std::string(household.month) +
                          " (add it to amounts, or set amount)");
  }

  // Every item must be YYYY-MM=AMOUNT; spaces around items are allowed, nothing else.
  void parse_amounts(std::string_view text) {
    if (caisse::rules::trim_spaces(text).empty()) return;
    const auto items = caisse::rules::split_list(text);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string_view item = items[i];
      const std::size_t equals = item.find('=');
      const std::string_view month = item.substr(0, equals);
      const std::optional<std::int64_t> amount =
          equals == std::string_view::npos ? std::nullopt
                                           : caisse::rules::parse_amount(item.substr(equals + 1));
      if (!caisse::rules::is_month(month) || !amount) {
        throw ConfigError("amounts: item " + std::to_string(i + 1) + " \"" + std::string(item) +
                          "\" is not YYYY-MM=AMOUNT (a month 01 to 12, an amount in whole "
                          "minor units, digits only)");
      }
      check_bounds("amounts: " + std::string(month), *amount);
      if (!by_month_.emplace(std::string(month), *amount).second) {
        throw ConfigError("amounts: month " + std::string(month) + " is given twice");
      }
    }
  }

  void check_bounds(const std::string& what, std::int64_t amount) const {
    if (min_ && amount < *min_) {
      throw ConfigError(what + " = " + std::to_string(amount) + " is below min_amount " +
                        std::to_string(*min_));
    }
    if (max_ && amount > *max_) {
      throw ConfigError(what + " = " + std::to_string(amount) + " is above max_amount " +
                        std::to_string(*max_));
    }
  }

  std::optional<std::int64_t> default_;
  std::optional<std::int64_t> min_;
  std::optional<std::int64_t> max_;
  bool per_person_;
  std::map<std::string, std::int64_t, std::less<>> by_month_;
};

}  // namespace

CAISSE_PLUGIN(FixedPerCycle, "fixed_per_cycle", "1.0.0",
              "Allocation: one amount for every household, set cycle by cycle within bounds.",
              fixed_per_cycle_config)
