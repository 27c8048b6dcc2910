// The allocation rules of plugins/allocation/, loaded and run through the host: each sample
// household's allocation is compared with the amount worked out by hand in the comment next to
// it. Amounts are minor units (cents, or centimes of CHF).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "rule_plugin_harness.hpp"

namespace caisse::rules_test {
namespace {

constexpr std::int64_t kHalfMax = kMax / 2;  // 4611686018427387903

// ---- per_person (Montpellier: 100 € per person) ------------------------------------------

class PerPersonRule : public RulePluginTest {
 protected:
  std::unique_ptr<PluginInstance> montpellier() {
    return instance("per_person", {{"amount_per_person", std::int64_t{10000}}});
  }
};

TEST_F(PerPersonRule, MontpellierCreditsOneHundredEurosPerMember) {
  auto rule = montpellier();
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(household(1, 0))), 10000);  // 10000 × 1
  EXPECT_EQ(amount_of(rule->allocate(household(2, 0))), 20000);  // 10000 × 2
  EXPECT_EQ(amount_of(rule->allocate(household(2, 3))), 50000);  // 10000 × (2 + 3)
  EXPECT_EQ(amount_of(rule->allocate(household(0, 1))), 10000);  // 10000 × (0 + 1)
}

TEST_F(PerPersonRule, HouseholdWithoutMembersIsRefused) {
  auto rule = montpellier();
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(error_of(rule->allocate(household(0, 0))),
            "plugin per_person (instance test/rule): allocate failed: household h1 has no "
            "members");
}

TEST_F(PerPersonRule, MissingAmountIsRefusedByTheSchema) {
  EXPECT_EQ(refusal("per_person", {}),
            "caisses/test.toml: plugin[0].config.amount_per_person: missing: plugin per_person "
            "requires it (an integer)");
}

TEST_F(PerPersonRule, NegativeAmountIsRefusedAtInit) {
  EXPECT_EQ(refusal("per_person", {{"amount_per_person", std::int64_t{-100}}}),
            "plugin per_person (instance test/rule): init failed: amount_per_person must be 0 or "
            "more (minor units), got -100");
}

TEST_F(PerPersonRule, OverflowIsAnInvalidArgument) {
  auto rule = instance("per_person", {{"amount_per_person", kHalfMax}});
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(household(2, 0))), kMax - 1);  // 2 × kHalfMax = kMax - 1
  // 3 × kHalfMax > kMax.
  EXPECT_EQ(error_of(rule->allocate(household(2, 1))),
            "plugin per_person (instance test/rule): allocate failed: household h1: "
            "amount_per_person × members overflows a 64-bit amount (4611686018427387903 × 3)");
  RawRule raw("per_person", {{"amount_per_person", kHalfMax}});
  EXPECT_EQ(raw.allocate(2, 1).status, CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(raw.allocate(0, 0).status, CAISSE_STATUS_INVALID_ARGUMENT);
}

TEST_F(PerPersonRule, BonusAndSuggestionAreUnsupported) {
  auto rule = montpellier();
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(error_of(rule->bonus(purchases(4000))),
            "plugin per_person (instance test/rule): bonus failed: UNSUPPORTED, the plugin does "
            "not implement caisse_on_rule_bonus");
  EXPECT_EQ(error_of(rule->suggest_contribution(declared(1, 0, 150000, 90000, 600))),
            "plugin per_person (instance test/rule): suggest_contribution failed: UNSUPPORTED, "
            "the plugin does not implement caisse_on_rule_suggest_contribution");
  RawRule raw("per_person", {{"amount_per_person", std::int64_t{10000}}});
  EXPECT_EQ(raw.hooks().caisse_on_rule_bonus, nullptr);
  EXPECT_EQ(raw.hooks().caisse_on_rule_suggest_contribution, nullptr);
  EXPECT_EQ(raw.bonus(4000).status, CAISSE_STATUS_UNSUPPORTED);
}

// ---- first_plus_extra (Nantes: 100 € + 50 € per extra person) ----------------------------

class FirstPlusExtraRule : public RulePluginTest {
 protected:
  std::unique_ptr<PluginInstance> nantes() {
    return instance("first_plus_extra",
                    {{"first_person", std::int64_t{10000}}, {"extra_person", std::int64_t{5000}}});
  }
};

TEST_F(FirstPlusExtraRule, NantesCreditsOneHundredThenFiftyPerExtraPerson) {
  auto rule = nantes();
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(household(1, 0))), 10000);  // 10000 + 5000 × 0
  EXPECT_EQ(amount_of(rule->allocate(household(1, 1))), 15000);  // 10000 + 5000 × 1
  EXPECT_EQ(amount_of(rule->allocate(household(2, 0))), 15000);  // adults and children alike
  EXPECT_EQ(amount_of(rule->allocate(household(2, 2))), 25000);  // 10000 + 5000 × 3
  EXPECT_EQ(amount_of(rule->allocate(household(2, 4))), 35000);  // 10000 + 5000 × 5
}

TEST_F(FirstPlusExtraRule, HouseholdWithoutMembersIsRefused) {
  auto rule = nantes();
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(error_of(rule->allocate(household(0, 0, "2026-01", "h7"))),
            "plugin first_plus_extra (instance test/rule): allocate failed: household h7 has no "
            "members");
}

TEST_F(FirstPlusExtraRule, MissingExtraAmountIsRefusedByTheSchema) {
  EXPECT_EQ(refusal("first_plus_extra", {{"first_person", std::int64_t{10000}}}),
            "caisses/test.toml: plugin[0].config.extra_person: missing: plugin "
            "first_plus_extra requires it (an integer)");
}

TEST_F(FirstPlusExtraRule, OverflowIsAnInvalidArgument) {
  auto rule =
      instance("first_plus_extra", {{"first_person", kMax}, {"extra_person", std::int64_t{1}}});
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(household(1, 0))), kMax);  // kMax + 1 × 0
  EXPECT_EQ(error_of(rule->allocate(household(1, 1))),          // kMax + 1 × 1
            "plugin first_plus_extra (instance test/rule): allocate failed: household h1: "
            "first_person + extra_person × (members - 1) overflows a 64-bit amount "
            "(9223372036854775807 + 1)");
  RawRule raw("first_plus_extra", {{"first_person", std::int64_t{0}}, {"extra_person", kHalfMax}});
  EXPECT_EQ(raw.allocate(3, 0).amount, kMax - 1);                        // kHalfMax × 2
  EXPECT_EQ(raw.allocate(3, 1).status, CAISSE_STATUS_INVALID_ARGUMENT);  // kHalfMax × 3
}

// ---- adult_child (Geneva: 150 CHF per adult, 75 CHF per child) ---------------------------

class AdultChildRule : public RulePluginTest {
 protected:
  std::unique_ptr<PluginInstance> geneva() {
    return instance("adult_child", {{"amount_per_adult", std::int64_t{15000}},
                                    {"amount_per_child", std::int64_t{7500}}});
  }
};

TEST_F(AdultChildRule, GenevaCreditsPerAdultAndPerChild) {
  auto rule = geneva();
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(household(1, 0))), 15000);  // 15000 × 1
  EXPECT_EQ(amount_of(rule->allocate(household(2, 1))), 37500);  // 15000 × 2 + 7500 × 1
  EXPECT_EQ(amount_of(rule->allocate(household(1, 2))), 30000);  // 15000 + 7500 × 2
  EXPECT_EQ(amount_of(rule->allocate(household(2, 3))), 52500);  // 30000 + 22500
  EXPECT_EQ(amount_of(rule->allocate(household(0, 1))), 7500);   // a child alone: 7500
}

TEST_F(AdultChildRule, SwissProposalFiguresAreJustAnotherConfig) {
  auto rule = instance("adult_child", {{"amount_per_adult", std::int64_t{8000}},
                                       {"amount_per_child", std::int64_t{4000}}});
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(household(2, 2))), 24000);  // 8000 × 2 + 4000 × 2
}

TEST_F(AdultChildRule, RefusalsAndOverflow) {
  EXPECT_EQ(refusal("adult_child", {{"amount_per_adult", std::int64_t{15000}}}),
            "caisses/test.toml: plugin[0].config.amount_per_child: missing: plugin adult_child "
            "requires it (an integer)");
  EXPECT_EQ(refusal("adult_child", {{"amount_per_adult", std::int64_t{15000}},
                                    {"amount_per_child", std::int64_t{-1}}}),
            "plugin adult_child (instance test/rule): init failed: amount_per_child must be 0 or "
            "more (minor units), got -1");
  auto rule = geneva();
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(error_of(rule->allocate(household(0, 0))),
            "plugin adult_child (instance test/rule): allocate failed: household h1 has no "
            "members");
  RawRule raw("adult_child", {{"amount_per_adult", kHalfMax}, {"amount_per_child", kHalfMax}});
  EXPECT_EQ(raw.allocate(1, 1).amount, kMax - 1);                        // kHalfMax + kHalfMax
  EXPECT_EQ(raw.allocate(2, 1).status, CAISSE_STATUS_INVALID_ARGUMENT);  // 2 kHalfMax + kHalfMax
  EXPECT_EQ(raw.allocate(3, 0).status, CAISSE_STATUS_INVALID_ARGUMENT);  // 3 × kHalfMax
}

// ---- mean_of_contributions (Soli'doume) --------------------------------------------------

class MeanOfContributionsRule : public RulePluginTest {
 protected:
  static AllocationInput month(std::int64_t contributions, std::uint64_t households,
                               std::uint32_t adults = 1, std::uint32_t children = 0) {
    AllocationInput in = household(adults, children);
    in.month_contributions_minor = contributions;
    in.household_count = households;
    return in;
  }
};

TEST_F(MeanOfContributionsRule, EveryHouseholdGetsTheMeanOfTheMonthsContributions) {
  auto rule = instance("mean_of_contributions", {});
  ASSERT_NE(rule, nullptr);
  // 2500.00 € contributed by 40 households: 250000 / 40 = 6250 each.
  EXPECT_EQ(amount_of(rule->allocate(month(250000, 40))), 6250);
  // Household size plays no part: a family of 5 gets the same 6250.
  EXPECT_EQ(amount_of(rule->allocate(month(250000, 40, 2, 3))), 6250);
  // 1000.00 € for 3 households: floor(100000 / 3) = 33333; 3 × 33333 = 99999, the remaining
  // 1 cent stays in the fund.
  EXPECT_EQ(amount_of(rule->allocate(month(100000, 3))), 33333);
  // Nothing contributed: 0 / 12 = 0.
  EXPECT_EQ(amount_of(rule->allocate(month(0, 12))), 0);
  // Fewer cents than households: floor(7 / 10) = 0, the 7 cents stay in the fund.
  EXPECT_EQ(amount_of(rule->allocate(month(7, 10))), 0);
  // The largest total: floor(kMax / 1) = kMax, no overflow possible.
  EXPECT_EQ(amount_of(rule->allocate(month(kMax, 1))), kMax);
}

TEST_F(MeanOfContributionsRule, TheCapHoldsBackTheExcessInTheFund) {
  auto rule = instance("mean_of_contributions", {{"cap_per_household", std::int64_t{5000}}});
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(month(250000, 40))), 5000);  // min(6250, 5000)
  EXPECT_EQ(amount_of(rule->allocate(month(150000, 40))), 3750);  // min(3750, 5000)
  EXPECT_EQ(amount_of(rule->allocate(month(200000, 40))), 5000);  // min(5000, 5000)
}

TEST_F(MeanOfContributionsRule, NoHouseholdOrNegativeContributionsAreInvalid) {
  auto rule = instance("mean_of_contributions", {});
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(error_of(rule->allocate(month(250000, 0))),
            "plugin mean_of_contributions (instance test/rule): allocate failed: household h1: "
            "household_count is 0, the mean of the contributions is undefined");
  EXPECT_EQ(error_of(rule->allocate(month(-1, 3))),
            "plugin mean_of_contributions (instance test/rule): allocate failed: household h1: "
            "the month's contributions are negative (-1)");
  RawRule raw("mean_of_contributions", {});
  EXPECT_EQ(raw.allocate(1, 0, 250000, 0).status, CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(raw.allocate(1, 0, -1, 3).status, CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(raw.allocate(1, 0, 250000, 40).amount, 6250);
}

TEST_F(MeanOfContributionsRule, NegativeCapIsRefusedAtInit) {
  EXPECT_EQ(refusal("mean_of_contributions", {{"cap_per_household", std::int64_t{-5}}}),
            "plugin mean_of_contributions (instance test/rule): init failed: cap_per_household "
            "must be 0 or more (minor units), got -5");
}

// ---- fixed_per_cycle (Toulouse: 100 to 150 MonA, the same for all within a cycle) ---------

class FixedPerCycleRule : public RulePluginTest {
 protected:
  static Config toulouse(std::string amounts) {
    return {{"amounts", std::move(amounts)},
            {"amount", std::int64_t{12000}},
            {"min_amount", std::int64_t{10000}},
            {"max_amount", std::int64_t{15000}}};
  }
  std::string refused(const Config& config) { return refusal("fixed_per_cycle", config); }
};

TEST_F(FixedPerCycleRule, EachCycleUsesItsOwnAmountAndOtherwiseTheDefault) {
  auto rule = instance("fixed_per_cycle", toulouse("2026-01=10000, 2026-02=15000"));
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(household(1, 0, "2026-01"))), 10000);  // listed
  EXPECT_EQ(amount_of(rule->allocate(household(2, 3, "2026-01"))), 10000);  // per household
  EXPECT_EQ(amount_of(rule->allocate(household(1, 0, "2026-02"))), 15000);  // listed
  EXPECT_EQ(amount_of(rule->allocate(household(1, 0, "2026-03"))), 12000);  // amount
  EXPECT_EQ(amount_of(rule->allocate(household(1, 0, "2025-12"))), 12000);  // amount
}

TEST_F(FixedPerCycleRule, PerPersonMultipliesByTheMembers) {
  auto rule = instance("fixed_per_cycle", {{"amounts", std::string("2026-01=15000")},
                                           {"amount", std::int64_t{10000}},
                                           {"per_person", true}});
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(household(2, 1, "2026-01"))), 45000);  // 15000 × 3
  EXPECT_EQ(amount_of(rule->allocate(household(2, 1, "2026-02"))), 30000);  // 10000 × 3
  EXPECT_EQ(error_of(rule->allocate(household(0, 0, "2026-02"))),
            "plugin fixed_per_cycle (instance test/rule): allocate failed: household h1 has no "
            "members");
  RawRule raw("fixed_per_cycle", {{"amount", kHalfMax}, {"per_person", true}});
  EXPECT_EQ(raw.allocate(2, 1).status, CAISSE_STATUS_INVALID_ARGUMENT);  // kHalfMax × 3
}

TEST_F(FixedPerCycleRule, AMonthWithoutAmountIsAnInvalidArgument) {
  auto rule = instance("fixed_per_cycle", {{"amounts", std::string("2026-01=10000")}});
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->allocate(household(1, 0, "2026-01"))), 10000);
  EXPECT_EQ(error_of(rule->allocate(household(1, 0, "2026-03"))),
            "plugin fixed_per_cycle (instance test/rule): allocate failed: household h1: no "
            "amount for cycle month 2026-03 (add it to amounts, or set amount)");
  RawRule raw("fixed_per_cycle", {{"amounts", std::string("2026-02=10000")}});
  EXPECT_EQ(raw.allocate(1, 0).status, CAISSE_STATUS_INVALID_ARGUMENT);  // raw month is 2026-01
}

TEST_F(FixedPerCycleRule, AmountsOutsideTheBoundsAreRefusedAtInit) {
  EXPECT_EQ(refused(toulouse("2026-01=10000,2026-02=16000")),
            "plugin fixed_per_cycle (instance test/rule): init failed: amounts: 2026-02 = 16000 "
            "is above max_amount 15000");
  EXPECT_EQ(refused(toulouse("2026-01=9999")),
            "plugin fixed_per_cycle (instance test/rule): init failed: amounts: 2026-01 = 9999 "
            "is below min_amount 10000");
  EXPECT_EQ(refused({{"amount", std::int64_t{9000}}, {"min_amount", std::int64_t{10000}}}),
            "plugin fixed_per_cycle (instance test/rule): init failed: amount = 9000 is below "
            "min_amount 10000");
  EXPECT_EQ(refused({{"amount", std::int64_t{12000}},
                     {"min_amount", std::int64_t{15000}},
                     {"max_amount", std::int64_t{10000}}}),
            "plugin fixed_per_cycle (instance test/rule): init failed: min_amount 15000 is above "
            "max_amount 10000");
}

TEST_F(FixedPerCycleRule, BadAmountsTextIsRefusedNamingTheItem) {
  const std::string shape =
      "\" is not YYYY-MM=AMOUNT (a month 01 to 12, an amount in whole minor units, digits only)";
  const std::string prefix = "plugin fixed_per_cycle (instance test/rule): init failed: amounts: ";
  EXPECT_EQ(refused(toulouse("2026-1=10000")), prefix + "item 1 \"2026-1=10000" + shape);
  EXPECT_EQ(refused(toulouse("2026-13=10000")), prefix + "item 1 \"2026-13=10000" + shape);
  EXPECT_EQ(refused(toulouse("2026-01=10000,2026-02")), prefix + "item 2 \"2026-02" + shape);
  EXPECT_EQ(refused(toulouse("2026-01=100.50")), prefix + "item 1 \"2026-01=100.50" + shape);
  EXPECT_EQ(refused(toulouse("2026-01=10 000")), prefix + "item 1 \"2026-01=10 000" + shape);
  EXPECT_EQ(refused(toulouse("2026-01=+12000")), prefix + "item 1 \"2026-01=+12000" + shape);
  EXPECT_EQ(refused(toulouse("2026-01:12000")), prefix + "item 1 \"2026-01:12000" + shape);
  EXPECT_EQ(refused(toulouse("2026-01=12000,")), prefix + "item 2 \"" + shape);
  EXPECT_EQ(refused(toulouse("2026-01=12000,,2026-02=12000")), prefix + "item 2 \"" + shape);
  EXPECT_EQ(refused(toulouse("2026-01=99999999999999999999")),
            prefix + "item 1 \"2026-01=99999999999999999999" + shape);  // beyond int64
  EXPECT_EQ(refused(toulouse("2026-01=12000,2026-01=13000")),
            prefix + "month 2026-01 is given twice");
}

TEST_F(FixedPerCycleRule, NoAmountAtAllIsRefusedAtInit) {
  EXPECT_EQ(refused({}),
            "plugin fixed_per_cycle (instance test/rule): init failed: set amount, amounts or "
            "both: there is no allocation for any month");
  EXPECT_EQ(refused({{"amounts", std::string("  ")}}),
            "plugin fixed_per_cycle (instance test/rule): init failed: set amount, amounts or "
            "both: there is no allocation for any month");
}

}  // namespace
}  // namespace caisse::rules_test
