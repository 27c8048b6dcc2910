#include "plugins/plugin_instance.hpp"

#include <gtest/gtest.h>

#include "fake_plugin_services.hpp"
#include "log_capture.hpp"
#include "plugins/plugin_loader.hpp"

namespace caisse::host::plugins {
namespace {

using config::ResolvedPluginConfig;

std::shared_ptr<LoadedPlugin> load(const std::string& name, const std::string& dir) {
  auto loaded = load_plugin({name, {dir}, std::nullopt});
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
  return loaded.ok() ? *loaded : nullptr;
}

// What the config validator hands over for hello: every field, defaults filled in.
ResolvedPluginConfig hello_config(std::int64_t amount_per_person = 10000) {
  ResolvedPluginConfig config;
  config.values["amount_per_person"] = {amount_per_person, false};
  config.values["greeting"] = {std::string("Bonjour"), false};
  return config;
}

AllocationInput household(std::uint32_t adults, std::uint32_t children,
                          std::string month = "2026-11") {
  return {"h1", adults, children, std::move(month), "EUR", 250000, 40};
}

class HelloInstance : public ::testing::Test {
 protected:
  Result<std::unique_ptr<PluginInstance>> create(ResolvedPluginConfig config = hello_config()) {
    return PluginInstance::create(load("hello", CAISSE_PLUGIN_DIR), "demo", "allocation",
                                  std::move(config), services_);
  }
  std::unique_ptr<PluginInstance> hello(ResolvedPluginConfig config = hello_config()) {
    auto created = create(std::move(config));
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? std::move(created.value()) : nullptr;
  }

  FakePluginServices services_;
};

TEST_F(HelloInstance, AllocatesAmountPerPersonForEveryMember) {
  auto instance = hello();
  ASSERT_NE(instance, nullptr);
  auto amount = instance->allocate(household(2, 3));
  ASSERT_TRUE(amount.ok()) << amount.error().message;
  EXPECT_EQ(*amount, 50000);  // 10000 × (2 adults + 3 children)
}

TEST_F(HelloInstance, AllocationFollowsTheConfiguredAmount) {
  auto instance = hello(hello_config(12345));
  ASSERT_NE(instance, nullptr);
  auto amount = instance->allocate(household(1, 2));
  ASSERT_TRUE(amount.ok()) << amount.error().message;
  EXPECT_EQ(*amount, 37035);  // 12345 × 3
}

TEST_F(HelloInstance, LogsTheGreetingOnceAtInitWithCaisseAndInstance) {
  LogCapture log;
  auto instance = hello();
  ASSERT_NE(instance, nullptr);
  EXPECT_EQ(log.text(),
            "info caisse=demo instance=allocation Bonjour from hello: 10000 per person\n");
}

TEST_F(HelloInstance, RemembersTheMonthItComputedInKv) {
  auto instance = hello();
  ASSERT_NE(instance, nullptr);
  ASSERT_TRUE(instance->allocate(household(1, 0, "2026-11")).ok());
  EXPECT_EQ(services_.kv.at("demo/allocation/last_month"), "2026-11");
}

TEST_F(HelloInstance, ReadsTheRememberedMonthAtInitAndDoesNotWriteItAgain) {
  services_.kv["demo/allocation/last_month"] = "2026-11";
  auto instance = hello();
  ASSERT_NE(instance, nullptr);
  services_.store_available = false;  // a write would now fail the hook
  auto amount = instance->allocate(household(1, 0, "2026-11"));
  EXPECT_TRUE(amount.ok()) << amount.error().message;
}

TEST_F(HelloInstance, UnavailableStoreFailsTheHookWithThePluginsMessage) {
  auto instance = hello();
  ASSERT_NE(instance, nullptr);
  services_.store_available = false;
  auto amount = instance->allocate(household(1, 0, "2026-12"));
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.error().message,
            "plugin hello (instance demo/allocation): allocate failed: kv_put \"last_month\": "
            "state store unavailable");
}

TEST_F(HelloInstance, CountsItsAllocationsThroughMetricAdd) {
  auto instance = hello();
  ASSERT_NE(instance, nullptr);
  ASSERT_TRUE(instance->allocate(household(1, 0)).ok());
  ASSERT_TRUE(instance->allocate(household(2, 0)).ok());
  EXPECT_EQ(services_.metrics.at("demo/allocation/allocations"), 2);
}

TEST_F(HelloInstance, HouseholdWithoutMembersIsAnErrorCarryingThePluginsMessage) {
  auto instance = hello();
  ASSERT_NE(instance, nullptr);
  auto amount = instance->allocate(household(0, 0));
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(
      amount.error().message,
      "plugin hello (instance demo/allocation): allocate failed: household h1 has no members");
}

TEST_F(HelloInstance, ConfigThePluginRefusesFailsInitWithItsMessage) {
  auto created = create(hello_config(-1));
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().message,
            "plugin hello (instance demo/allocation): init failed: amount_per_person must be "
            "between 0 and 100000000, got -1");
}

TEST_F(HelloInstance, CallingARoleThePluginDoesNotPlayIsAnError) {
  auto instance = hello();
  ASSERT_NE(instance, nullptr);
  auto credited = instance->credit({});
  ASSERT_FALSE(credited.ok());
  EXPECT_EQ(credited.error().message,
            "plugin hello (instance demo/allocation): credit failed: the plugin has no currency "
            "role");
  auto status = instance->status("op-1");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "plugin hello (instance demo/allocation): status failed: the plugin has no currency "
            "role");
}

TEST_F(HelloInstance, KeepsThePluginLoadedUntilDestroyed) {
  std::weak_ptr<LoadedPlugin> plugin;
  {
    auto loaded = load("hello", CAISSE_PLUGIN_DIR);
    plugin = loaded;
    auto created =
        PluginInstance::create(std::move(loaded), "demo", "allocation", hello_config(), services_);
    ASSERT_TRUE(created.ok()) << created.error().message;
    EXPECT_FALSE(plugin.expired());
  }
  EXPECT_TRUE(plugin.expired());
}

class ThrowingRule : public ::testing::Test {
 protected:
  Result<std::unique_ptr<PluginInstance>> create(bool refuse_config) {
    ResolvedPluginConfig config;
    config.values["refuse_config"] = {refuse_config, false};
    return PluginInstance::create(load("throwing_rule", CAISSE_TEST_PLUGIN_DIR), "demo", "rules",
                                  std::move(config), services_);
  }
  FakePluginServices services_;
};

TEST_F(ThrowingRule, ExceptionInAHookBecomesAnErrorWithItsMessage) {
  auto created = create(false);
  ASSERT_TRUE(created.ok()) << created.error().message;
  auto amount = (*created)->allocate(household(1, 1));
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.error().message,
            "plugin throwing_rule (instance demo/rules): allocate failed: formula exploded");
}

TEST_F(ThrowingRule, ConfigErrorFromTheConstructorFailsInitWithItsMessage) {
  auto created = create(true);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().message,
            "plugin throwing_rule (instance demo/rules): init failed: refuse_config is set");
}

// A rule built against ABI 1.0 (its hook table ends after caisse_on_rule_allocate).
class Abi10Rule : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = PluginInstance::create(load("abi_1_0_rule", CAISSE_TEST_PLUGIN_DIR), "demo",
                                          "old", {}, services_);
    ASSERT_TRUE(created.ok()) << created.error().message;
    instance_ = std::move(created.value());
  }
  FakePluginServices services_;
  std::unique_ptr<PluginInstance> instance_;
};

TEST_F(Abi10Rule, AllocateStillWorks) {
  auto amount = instance_->allocate(household(2, 1));
  ASSERT_TRUE(amount.ok()) << amount.error().message;
  EXPECT_EQ(*amount, 210);  // 70 × 3 members
}

TEST_F(Abi10Rule, HooksAppendedIn11AreUnsupported) {
  auto suggested = instance_->suggest_contribution({"h1", 1, 0, "EUR", 150000, 90000, 600});
  ASSERT_FALSE(suggested.ok());
  EXPECT_EQ(suggested.error().message,
            "plugin abi_1_0_rule (instance demo/old): suggest_contribution failed: UNSUPPORTED, "
            "the plugin does not implement caisse_on_rule_suggest_contribution");
  auto bonus = instance_->bonus({"2026-11", "h1", 1, 0, "EUR", 4000});
  ASSERT_FALSE(bonus.ok());
  EXPECT_EQ(bonus.error().message,
            "plugin abi_1_0_rule (instance demo/old): bonus failed: UNSUPPORTED, the plugin does "
            "not implement caisse_on_rule_bonus");
}

TEST_F(HelloInstance, HooksHelloDoesNotDefineAreUnsupported) {
  auto instance = hello();
  ASSERT_NE(instance, nullptr);
  auto bonus = instance->bonus({"2026-11", "h1", 1, 0, "EUR", 4000});
  ASSERT_FALSE(bonus.ok());
  EXPECT_EQ(bonus.error().message,
            "plugin hello (instance demo/allocation): bonus failed: UNSUPPORTED, the plugin does "
            "not implement caisse_on_rule_bonus");
}

// A 1.1 rule with suggest_contribution and bonus but no allocate.
class GridAndBonus : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = PluginInstance::create(load("grid_and_bonus", CAISSE_TEST_PLUGIN_DIR), "demo",
                                          "grid", {}, services_);
    ASSERT_TRUE(created.ok()) << created.error().message;
    instance_ = std::move(created.value());
  }
  FakePluginServices services_;
  std::unique_ptr<PluginInstance> instance_;
};

TEST_F(GridAndBonus, SuggestContributionReturnsThePluginsAmount) {
  auto amount = instance_->suggest_contribution({"h1", 2, 1, "EUR", 180000, 90000, 700});
  ASSERT_TRUE(amount.ok()) << amount.error().message;
  EXPECT_EQ(*amount, 1821);  // 180000 / 100 + 7 × 3 members
}

TEST_F(GridAndBonus, SuggestContributionReceivesFixedCostsAndQuotientFamilial) {
  auto amount = instance_->suggest_contribution({"h1", 1, 0, "EUR", 0, 90000, 700});
  ASSERT_TRUE(amount.ok()) << amount.error().message;
  EXPECT_EQ(*amount, 90700);  // the plugin echoes QF + fixed costs when the income is 0
}

TEST_F(GridAndBonus, SuggestContributionErrorCarriesThePluginsMessage) {
  auto amount = instance_->suggest_contribution({"h9", 1, 0, "EUR", -1, -1, -1});
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.error().message,
            "plugin grid_and_bonus (instance demo/grid): suggest_contribution failed: household "
            "h9 declared no income");
}

TEST_F(GridAndBonus, BonusReturnsThePluginsAmount) {
  auto amount = instance_->bonus({"2026-11", "h1", 2, 2, "EUR", 12345});
  ASSERT_TRUE(amount.ok()) << amount.error().message;
  EXPECT_EQ(*amount, 1238);  // 12345 / 10 = 1234, + 4 members
}

TEST_F(GridAndBonus, BonusErrorCarriesThePluginsMessage) {
  auto amount = instance_->bonus({"2026-11", "h1", 1, 0, "MONA", 100});
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.error().message,
            "plugin grid_and_bonus (instance demo/grid): bonus failed: no bonus in MONA for "
            "2026-11");
}

TEST_F(GridAndBonus, AllocateIsUnsupported) {
  auto amount = instance_->allocate(household(1, 0));
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.error().message,
            "plugin grid_and_bonus (instance demo/grid): allocate failed: UNSUPPORTED, the plugin "
            "does not implement caisse_on_rule_allocate");
}

class EchoCurrency : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = PluginInstance::create(load("echo_currency", CAISSE_TEST_PLUGIN_DIR), "demo",
                                          "cyclos", {}, services_);
    ASSERT_TRUE(created.ok()) << created.error().message;
    instance_ = std::move(created.value());
  }
  FakePluginServices services_;
  std::unique_ptr<PluginInstance> instance_;
};

TEST_F(EchoCurrency, CreditReturnsEachLinesOutcomeInOrder) {
  auto results = instance_->credit({
      {"op-1", "h1", {10000, "MONA"}, "Allocation 2026-11"},
      {"op-2", "h2", {10001, "MONA"}, "Allocation 2026-11"},
  });
  ASSERT_TRUE(results.ok()) << results.error().message;
  ASSERT_EQ(results->size(), 2u);
  EXPECT_EQ((*results)[0].outcome, Outcome::succeeded);
  EXPECT_EQ((*results)[0].external_ref, "ext-op-1");
  EXPECT_EQ((*results)[0].message, "");
  EXPECT_EQ((*results)[1].outcome, Outcome::declined);
  EXPECT_EQ((*results)[1].external_ref, "");
  EXPECT_EQ((*results)[1].message, "odd amount 10001 MONA for h2");
}

TEST_F(EchoCurrency, StatusReturnsTheBackendsAnswer) {
  auto result = instance_->status("op-7");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->outcome, Outcome::pending);
  EXPECT_EQ(result->external_ref, "op-7");
  EXPECT_EQ(result->message, "still processing");
}

}  // namespace
}  // namespace caisse::host::plugins
