// The contribution grids of plugins/grids/ and the bonus rule of plugins/bonus/, loaded and run
// through the host; every suggestion and bonus is compared with the amount worked out by hand in
// the comment next to it. Amounts are euro cents; a quotient familial is whole euros.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "rule_plugin_harness.hpp"

namespace caisse::rules_test {
namespace {

constexpr std::int64_t kUndeclared = -1;

// A household that declared only its quotient familial.
ContributionInput with_qf(std::int64_t quotient_familial) {
  return declared(1, 0, kUndeclared, kUndeclared, quotient_familial);
}

// ---- quotient_familial_grid --------------------------------------------------------------

class QuotientFamilialGridRule : public RulePluginTest {
 protected:
  static constexpr const char* kGrid = "0-500:1000,500-800:2000,800-:4000";
  std::string refused(const std::string& brackets) {
    return refusal("quotient_familial_grid", {{"brackets", brackets}});
  }
  static std::string init_failed(const std::string& reason) {
    return "plugin quotient_familial_grid (instance test/rule): init failed: " + reason;
  }
};

TEST_F(QuotientFamilialGridRule, EachQuotientFamilialFallsInExactlyOneBracket) {
  auto grid = instance("quotient_familial_grid", {{"brackets", std::string(kGrid)}});
  ASSERT_NE(grid, nullptr);
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(0))), 1000);     // 0 <= 0 < 500
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(499))), 1000);   // 0 <= 499 < 500
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(500))), 2000);   // 500 <= 500 < 800
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(799))), 2000);   // 500 <= 799 < 800
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(800))), 4000);   // 800 <= 800
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(5000))), 4000);  // 800 <= 5000
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(kMax))), 4000);  // open-ended
  // The suggestion is per household: size and income do not change it.
  EXPECT_EQ(amount_of(grid->suggest_contribution(declared(2, 3, 300000, 100000, 650))), 2000);
}

TEST_F(QuotientFamilialGridRule, OneOpenBracketSuggestsTheSameToEveryone) {
  auto grid = instance("quotient_familial_grid", {{"brackets", std::string(" 0-:1500 ")}});
  ASSERT_NE(grid, nullptr);
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(0))), 1500);
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(1234))), 1500);
}

TEST_F(QuotientFamilialGridRule, TheGridOfDocsRulesMd) {
  auto grid =
      instance("quotient_familial_grid",
               {{"brackets", std::string("0-500:1000, 500-800:2000, 800-1200:4000, 1200-:6000")}});
  ASSERT_NE(grid, nullptr);
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(499))), 1000);   // 0 <= 499 < 500
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(500))), 2000);   // 500 <= 500 < 800
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(1199))), 4000);  // 800 <= 1199 < 1200
  EXPECT_EQ(amount_of(grid->suggest_contribution(with_qf(3000))), 6000);  // 1200 <= 3000
}

TEST_F(QuotientFamilialGridRule, UndeclaredQuotientFamilialIsAnInvalidArgument) {
  auto grid = instance("quotient_familial_grid", {{"brackets", std::string(kGrid)}});
  ASSERT_NE(grid, nullptr);
  EXPECT_EQ(error_of(grid->suggest_contribution(with_qf(kUndeclared))),
            "plugin quotient_familial_grid (instance test/rule): suggest_contribution failed: "
            "household h1 declared no quotient familial");
  RawRule raw("quotient_familial_grid", {{"brackets", std::string(kGrid)}});
  EXPECT_EQ(raw.suggest_contribution(1, 0, -1, -1, -1).status, CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(raw.suggest_contribution(1, 0, -1, -1, 650).amount, 2000);
  EXPECT_EQ(raw.allocate(1, 0).status, CAISSE_STATUS_UNSUPPORTED);
  EXPECT_EQ(raw.bonus(100).status, CAISSE_STATUS_UNSUPPORTED);
}

TEST_F(QuotientFamilialGridRule, MissingBracketsAreRefusedByTheSchema) {
  EXPECT_EQ(refusal("quotient_familial_grid", {}),
            "caisses/test.toml: plugin[0].config.brackets: missing: plugin "
            "quotient_familial_grid requires it (a string)");
}

TEST_F(QuotientFamilialGridRule, GapsAndOverlapsAreRefusedAtInit) {
  EXPECT_EQ(refused("0-500:1000,600-800:2000,800-:4000"),
            init_failed("brackets: item 2 \"600-800:2000\" leaves a gap: nothing covers 500 to "
                        "600"));
  EXPECT_EQ(refused("0-500:1000,400-800:2000,800-:4000"),
            init_failed("brackets: item 2 \"400-800:2000\" overlaps the previous bracket, which "
                        "ends at 500 (FROM is included, TO excluded)"));
  EXPECT_EQ(refused("100-500:1000,500-:2000"),
            init_failed("brackets: item 1 \"100-500:1000\" leaves a gap: nothing covers 0 to 100 "
                        "(the first bracket starts at 0)"));
  EXPECT_EQ(refused("0-500:1000,500-800:2000"),
            init_failed("brackets: the last bracket must be open-ended (FROM-:AMOUNT, e.g. "
                        "\"800-:4000\") so that every quotient familial gets a suggestion"));
  EXPECT_EQ(refused("0-:1000,0-500:2000"),
            init_failed("brackets: item 2 \"0-500:2000\" comes after the open-ended bracket, "
                        "which must be the last"));
  EXPECT_EQ(refused("0-500:1000,500-500:1500,500-:2000"),
            init_failed("brackets: item 2 \"500-500:1500\" ends at or below where it starts"));
  EXPECT_EQ(refused("0-800:1000,800-500:1500,500-:2000"),
            init_failed("brackets: item 2 \"800-500:1500\" ends at or below where it starts"));
}

TEST_F(QuotientFamilialGridRule, BadBracketTextIsRefusedAtInit) {
  const std::string shape = "\" is not FROM-TO:AMOUNT or FROM-:AMOUNT (whole numbers, digits only)";
  EXPECT_EQ(refused("0-500:1000;500-:2000"),
            init_failed("brackets: item 1 \"0-500:1000;500-:2000" + shape));
  EXPECT_EQ(refused("0-500:10.00,500-:2000"),
            init_failed("brackets: item 1 \"0-500:10.00" + shape));
  EXPECT_EQ(refused("0-500,500-:2000"), init_failed("brackets: item 1 \"0-500" + shape));
  EXPECT_EQ(refused("0:1000"), init_failed("brackets: item 1 \"0:1000" + shape));
  EXPECT_EQ(refused("0-500:-5,500-:2000"), init_failed("brackets: item 1 \"0-500:-5" + shape));
  EXPECT_EQ(refused("0-500:1000,,500-:2000"), init_failed("brackets: item 2 \"" + shape));
  EXPECT_EQ(refused("0-500:1000,500-:2000,"), init_failed("brackets: item 3 \"" + shape));
  EXPECT_EQ(refused("0-abc:1000"), init_failed("brackets: item 1 \"0-abc:1000" + shape));
  EXPECT_EQ(refused(""),
            init_failed("brackets is empty: write at least one bracket, e.g. \"0-:1000\""));
}

// ---- reste_a_vivre_grid (Nantes: from 5 € per person) ------------------------------------

class ResteAVivreGridRule : public RulePluginTest {
 protected:
  // 10 % of the reste à vivre per person, at least 5 € per person.
  std::unique_ptr<PluginInstance> nantes() {
    return instance("reste_a_vivre_grid",
                    {{"rate_bp", std::int64_t{1000}}, {"floor_per_person", std::int64_t{500}}});
  }
};

TEST_F(ResteAVivreGridRule, ATenthOfTheResteAVivrePerPersonNeverBelowTheFloor) {
  auto grid = nantes();
  ASSERT_NE(grid, nullptr);
  // 2500 € income, 1300 € fixed costs, 3 people: reste à vivre 120000, per person 40000,
  // 10 % = 4000 (>= 500), × 3 = 12000.
  EXPECT_EQ(amount_of(grid->suggest_contribution(declared(2, 1, 250000, 130000, kUndeclared))),
            12000);
  // 1000 € income, 900 € fixed costs, 4 people: 10000 / 4 = 2500 per person, 10 % = 250 is
  // below the 500 floor: 500 × 4 = 2000.
  EXPECT_EQ(amount_of(grid->suggest_contribution(declared(1, 3, 100000, 90000, kUndeclared))),
            2000);
  // Fixed costs above income: reste à vivre 0, so the floor: 500 × 2 = 1000.
  EXPECT_EQ(amount_of(grid->suggest_contribution(declared(2, 0, 80000, 95000, kUndeclared))), 1000);
  // Rounding down twice: 100001 / 3 = 33333 per person, 10 % = 3333 (not 3333.3), × 3 = 9999.
  EXPECT_EQ(amount_of(grid->suggest_contribution(declared(3, 0, 100001, 0, kUndeclared))), 9999);
  // Exactly on the floor: 10000 / 2 = 5000, 10 % = 500 = floor, × 2 = 1000.
  EXPECT_EQ(amount_of(grid->suggest_contribution(declared(1, 1, 10000, 0, 300))), 1000);
}

TEST_F(ResteAVivreGridRule, IncomeAndFixedCostsMustBeDeclared) {
  auto grid = nantes();
  ASSERT_NE(grid, nullptr);
  EXPECT_EQ(error_of(grid->suggest_contribution(declared(1, 0, kUndeclared, 50000, 400))),
            "plugin reste_a_vivre_grid (instance test/rule): suggest_contribution failed: "
            "household h1 declared no monthly income");
  EXPECT_EQ(error_of(grid->suggest_contribution(declared(1, 0, 150000, kUndeclared, 400))),
            "plugin reste_a_vivre_grid (instance test/rule): suggest_contribution failed: "
            "household h1 declared no monthly fixed costs");
  EXPECT_EQ(error_of(grid->suggest_contribution(declared(0, 0, 150000, 50000, 400))),
            "plugin reste_a_vivre_grid (instance test/rule): suggest_contribution failed: "
            "household h1 has no members");
  RawRule raw("reste_a_vivre_grid",
              {{"rate_bp", std::int64_t{1000}}, {"floor_per_person", std::int64_t{500}}});
  EXPECT_EQ(raw.suggest_contribution(1, 0, -1, 0, -1).status, CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(raw.suggest_contribution(1, 0, 0, -1, -1).status, CAISSE_STATUS_INVALID_ARGUMENT);
}

TEST_F(ResteAVivreGridRule, OverflowIsAnInvalidArgument) {
  auto grid = nantes();
  ASSERT_NE(grid, nullptr);
  // kMax / 1 per person × 1000 basis points does not fit in 64 bits.
  EXPECT_EQ(error_of(grid->suggest_contribution(declared(1, 0, kMax, 0, kUndeclared))),
            "plugin reste_a_vivre_grid (instance test/rule): suggest_contribution failed: "
            "household h1: reste à vivre per person × rate_bp overflows a 64-bit amount "
            "(9223372036854775807 × 1000)");
  RawRule raw("reste_a_vivre_grid", {{"rate_bp", std::int64_t{0}}, {"floor_per_person", kMax / 2}});
  EXPECT_EQ(raw.suggest_contribution(2, 0, 0, 0, -1).amount, kMax - 1);  // floor × 2
  EXPECT_EQ(raw.suggest_contribution(2, 1, 0, 0, -1).status,             // floor × 3
            CAISSE_STATUS_INVALID_ARGUMENT);
}

TEST_F(ResteAVivreGridRule, ConfigRefusals) {
  EXPECT_EQ(refusal("reste_a_vivre_grid", {{"rate_bp", std::int64_t{1000}}}),
            "caisses/test.toml: plugin[0].config.floor_per_person: missing: plugin "
            "reste_a_vivre_grid requires it (an integer)");
  EXPECT_EQ(refusal("reste_a_vivre_grid",
                    {{"rate_bp", std::int64_t{10001}}, {"floor_per_person", std::int64_t{500}}}),
            "plugin reste_a_vivre_grid (instance test/rule): init failed: rate_bp must be between "
            "0 and 10000 basis points (0 % to 100 %), got 10001");
  EXPECT_EQ(refusal("reste_a_vivre_grid",
                    {{"rate_bp", std::int64_t{1000}}, {"floor_per_person", std::string("5 €")}}),
            "caisses/test.toml: plugin[0].config.floor_per_person: expected an integer, found a "
            "string");
}

// ---- household_minimum_grid (Gironde: 10 € + 5 € per extra person) -----------------------

class HouseholdMinimumGridRule : public RulePluginTest {
 protected:
  std::unique_ptr<PluginInstance> gironde() {
    return instance("household_minimum_grid", {{"household_minimum", std::int64_t{1000}},
                                               {"extra_person_minimum", std::int64_t{500}}});
  }
};

TEST_F(HouseholdMinimumGridRule, GirondeMinimumGrowsWithEachExtraPerson) {
  auto grid = gironde();
  ASSERT_NE(grid, nullptr);
  const auto size = [](std::uint32_t adults, std::uint32_t children) {
    return declared(adults, children, kUndeclared, kUndeclared, kUndeclared);  // income unused
  };
  EXPECT_EQ(amount_of(grid->suggest_contribution(size(1, 0))), 1000);  // 1000 + 500 × 0
  EXPECT_EQ(amount_of(grid->suggest_contribution(size(1, 1))), 1500);  // 1000 + 500 × 1
  EXPECT_EQ(amount_of(grid->suggest_contribution(size(2, 2))), 2500);  // 1000 + 500 × 3
  EXPECT_EQ(amount_of(grid->suggest_contribution(size(2, 5))), 4000);  // 1000 + 500 × 6
  EXPECT_EQ(error_of(grid->suggest_contribution(size(0, 0))),
            "plugin household_minimum_grid (instance test/rule): suggest_contribution failed: "
            "household h1 has no members");
}

TEST_F(HouseholdMinimumGridRule, RefusalsAndOverflow) {
  EXPECT_EQ(refusal("household_minimum_grid", {{"household_minimum", std::int64_t{1000}}}),
            "caisses/test.toml: plugin[0].config.extra_person_minimum: missing: plugin "
            "household_minimum_grid requires it (an integer)");
  RawRule raw("household_minimum_grid",
              {{"household_minimum", kMax}, {"extra_person_minimum", std::int64_t{1}}});
  EXPECT_EQ(raw.suggest_contribution(1, 0, -1, -1, -1).amount, kMax);  // kMax + 1 × 0
  EXPECT_EQ(raw.suggest_contribution(1, 1, -1, -1, -1).status,         // kMax + 1 × 1
            CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(raw.allocate(1, 0).status, CAISSE_STATUS_UNSUPPORTED);
}

// ---- tagged_purchases_bonus (Vital'im: +50 %, at most 25 € a month) ----------------------

class TaggedPurchasesBonusRule : public RulePluginTest {
 protected:
  std::unique_ptr<PluginInstance> vitalim() {
    return instance("tagged_purchases_bonus",
                    {{"rate_bp", std::int64_t{5000}}, {"cap_per_month", std::int64_t{2500}}});
  }
};

TEST_F(TaggedPurchasesBonusRule, VitalimPaysHalfOfTaggedPurchasesUpToTwentyFiveEuros) {
  auto rule = vitalim();
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->bonus(purchases(0))), 0);        // 0 × 50 %
  EXPECT_EQ(amount_of(rule->bonus(purchases(3000))), 1500);  // 3000 × 5000 / 10000
  EXPECT_EQ(amount_of(rule->bonus(purchases(4999))), 2499);  // 2499.5 rounded down
  EXPECT_EQ(amount_of(rule->bonus(purchases(5000))), 2500);  // exactly the cap
  EXPECT_EQ(amount_of(rule->bonus(purchases(8000))), 2500);  // 4000 capped at 2500
  EXPECT_EQ(amount_of(rule->bonus(purchases(1))), 0);        // 0.5 rounded down
}

TEST_F(TaggedPurchasesBonusRule, WithoutCapTheBonusIsThePercentage) {
  auto rule = instance("tagged_purchases_bonus", {{"rate_bp", std::int64_t{1000}}});
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(amount_of(rule->bonus(purchases(123456))), 12345);  // 12345.6 rounded down
  EXPECT_EQ(amount_of(rule->bonus(purchases(40000))), 4000);    // 10 % of 400 €
}

TEST_F(TaggedPurchasesBonusRule, NegativePurchasesAndOverflowAreInvalid) {
  auto rule = vitalim();
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(error_of(rule->bonus(purchases(-100))),
            "plugin tagged_purchases_bonus (instance test/rule): bonus failed: household h1: "
            "tagged purchases are negative (-100)");
  EXPECT_EQ(error_of(rule->bonus(purchases(kMax))),
            "plugin tagged_purchases_bonus (instance test/rule): bonus failed: household h1: "
            "tagged purchases × rate_bp overflows a 64-bit amount (9223372036854775807 × 5000)");
  RawRule raw("tagged_purchases_bonus",
              {{"rate_bp", std::int64_t{5000}}, {"cap_per_month", std::int64_t{2500}}});
  EXPECT_EQ(raw.bonus(kMax).status, CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(raw.bonus(-1).status, CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(raw.bonus(3000).amount, 1500);
  EXPECT_EQ(raw.allocate(1, 0).status, CAISSE_STATUS_UNSUPPORTED);
  EXPECT_EQ(raw.suggest_contribution(1, 0, 1, 1, 1).status, CAISSE_STATUS_UNSUPPORTED);
}

TEST_F(TaggedPurchasesBonusRule, ConfigRefusals) {
  EXPECT_EQ(refusal("tagged_purchases_bonus", {{"cap_per_month", std::int64_t{2500}}}),
            "caisses/test.toml: plugin[0].config.rate_bp: missing: plugin tagged_purchases_bonus "
            "requires it (an integer)");
  EXPECT_EQ(refusal("tagged_purchases_bonus", {{"rate_bp", std::int64_t{-1}}}),
            "plugin tagged_purchases_bonus (instance test/rule): init failed: rate_bp must be "
            "between 0 and 10000 basis points (0 % to 100 %), got -1");
  EXPECT_EQ(refusal("tagged_purchases_bonus",
                    {{"rate_bp", std::int64_t{5000}}, {"cap_per_month", std::int64_t{-2500}}}),
            "plugin tagged_purchases_bonus (instance test/rule): init failed: cap_per_month must "
            "be 0 or more (minor units), got -2500");
  EXPECT_EQ(refusal("tagged_purchases_bonus",
                    {{"rate_bp", std::int64_t{5000}}, {"cap", std::int64_t{2500}}}),
            "caisses/test.toml: plugin[0].config.cap: unknown key for plugin "
            "tagged_purchases_bonus (known: rate_bp, cap_per_month)");
}

}  // namespace
}  // namespace caisse::rules_test
