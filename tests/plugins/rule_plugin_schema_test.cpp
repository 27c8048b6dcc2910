// Every rule plugin of plugins/ loads through the real loader, plays the RULE role with exactly
// the hook its kind calls for (the others NULL: the host answers UNSUPPORTED), and describes
// every configuration key for `caissectl plugin describe`.
#include <caisse/sdk.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "rule_plugin_harness.hpp"

namespace caisse::rules_test {
namespace {

enum class Hook { allocate, suggest_contribution, bonus };

struct Expected {
  const char* name;
  Hook hook;
};

constexpr Expected kRulePlugins[] = {
    {"per_person", Hook::allocate},
    {"first_plus_extra", Hook::allocate},
    {"adult_child", Hook::allocate},
    {"mean_of_contributions", Hook::allocate},
    {"fixed_per_cycle", Hook::allocate},
    {"quotient_familial_grid", Hook::suggest_contribution},
    {"reste_a_vivre_grid", Hook::suggest_contribution},
    {"household_minimum_grid", Hook::suggest_contribution},
    {"tagged_purchases_bonus", Hook::bonus},
};

TEST(RulePluginSchema, EveryRuleLoadsWithOnlyItsOwnHook) {
  for (const Expected& expected : kRulePlugins) {
    SCOPED_TRACE(expected.name);
    auto loaded = load_rule(expected.name);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const caisse_plugin_t& d = (*loaded)->descriptor();
    EXPECT_EQ(std::string(d.name), expected.name);
    EXPECT_EQ(d.roles, static_cast<std::uint32_t>(CAISSE_ROLE_RULE));
    ASSERT_NE(d.rule, nullptr);
    EXPECT_EQ(d.rule->caisse_on_rule_allocate != nullptr, expected.hook == Hook::allocate);
    EXPECT_EQ(d.rule->caisse_on_rule_suggest_contribution != nullptr,
              expected.hook == Hook::suggest_contribution);
    EXPECT_EQ(d.rule->caisse_on_rule_bonus != nullptr, expected.hook == Hook::bonus);
    // Allocation rules use nothing newer than ABI 1.0; grids and bonus need 1.1's hooks.
    EXPECT_EQ(d.abi_minor_required, expected.hook == Hook::allocate ? 0u : 1u);
  }
}

TEST(RulePluginSchema, EveryConfigKeyIsDescribedAndNoneIsSecret) {
  for (const Expected& expected : kRulePlugins) {
    SCOPED_TRACE(expected.name);
    auto loaded = load_rule(expected.name);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const caisse_plugin_t& d = (*loaded)->descriptor();
    EXPECT_GT(d.config_field_count, 0u);
    for (std::size_t i = 0; i < d.config_field_count; ++i) {
      const caisse_config_field_t& field = d.config_fields[i];
      SCOPED_TRACE(field.name);
      const std::string_view description = field.description;
      EXPECT_GT(description.size(), 20u);
      EXPECT_EQ(description.back(), '.');
      EXPECT_EQ(field.flags & CAISSE_CONFIG_SECRET, 0u);
    }
  }
}

}  // namespace
}  // namespace caisse::rules_test
