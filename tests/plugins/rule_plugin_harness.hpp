// Runs the rule plugins of plugins/ the way the daemon does: NAME.so is loaded from the build's
// plugin directory by the real loader, the instance's config table is checked against the
// plugin's declared schema by the real validator (defaults filled in, missing required keys
// refused), and init and the hooks go through PluginInstance, so that errors read exactly as an
// operator sees them. RawRule calls the C hooks directly, to check the status codes a
// PluginInstance error does not carry (INVALID_ARGUMENT, UNSUPPORTED).
#pragma once

#include <caisse/sdk.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "config/plugin_config_validation.hpp"
#include "fake_plugin_services.hpp"
#include "plugins/host_api.hpp"
#include "plugins/host_context.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"

namespace caisse::rules_test {

using host::plugins::AllocationInput;
using host::plugins::BonusInput;
using host::plugins::ContributionInput;
using host::plugins::PluginInstance;

// One `[plugin.config]` table as an operator writes it: key = value, in order.
using ConfigValue = std::variant<std::string, std::int64_t, bool>;
using Config = std::vector<std::pair<std::string, ConfigValue>>;

// Where the validator's messages point (no line: the table was not read from a file).
inline constexpr const char* kCaisseFile = "caisses/test.toml";

inline Result<std::shared_ptr<host::plugins::LoadedPlugin>> load_rule(const std::string& name) {
  return host::plugins::load_plugin({name, {CAISSE_PLUGIN_DIR}, std::nullopt});
}

// The config table checked against the plugin's schema, as the daemon does before init.
inline Result<host::config::ResolvedPluginConfig> resolve(const caisse_plugin_t& descriptor,
                                                          const Config& config) {
  host::config::PluginBlock block;
  block.instance = "rule";
  block.plugin = descriptor.name;
  block.key_path = "plugin[0]";
  block.where = {kCaisseFile, 0, 0};
  for (const auto& [key, value] : config) {
    host::config::PluginConfigEntry entry;
    entry.key = key;
    std::visit([&](const auto& v) { entry.value = v; }, value);
    entry.where = {kCaisseFile, 0, 0};
    block.config.push_back(std::move(entry));
  }
  return host::config::validate_plugin_config(block, descriptor);
}

class RulePluginTest : public ::testing::Test {
 protected:
  // Loads, validates and inits instance "test/rule" of plugin `name`; the error is the first
  // that happened (load, config validation or init), as the daemon reports it.
  Result<std::unique_ptr<PluginInstance>> create(const std::string& name, const Config& config) {
    auto loaded = load_rule(name);
    if (!loaded) return loaded.error();
    auto resolved = resolve((*loaded)->descriptor(), config);
    if (!resolved) return resolved.error();
    return PluginInstance::create(std::move(*loaded), "test", "rule", std::move(*resolved),
                                  services_);
  }

  // create() that must succeed.
  std::unique_ptr<PluginInstance> instance(const std::string& name, const Config& config) {
    auto created = create(name, config);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? std::move(created.value()) : nullptr;
  }

  // The message of a create() that must fail.
  std::string refusal(const std::string& name, const Config& config) {
    auto created = create(name, config);
    EXPECT_FALSE(created.ok()) << name << " accepted the config";
    return created.ok() ? std::string() : created.error().message;
  }

  host::plugins::FakePluginServices services_;
};

// One household as the cycle hands it to an allocation rule.
inline AllocationInput household(std::uint32_t adults, std::uint32_t children,
                                 std::string month = "2026-01", std::string id = "h1") {
  return {std::move(id), adults, children, std::move(month), "EUR", 0, 1};
}

// One household as a contribution grid sees it; -1 is "not declared".
inline ContributionInput declared(std::uint32_t adults, std::uint32_t children,
                                  std::int64_t income_minor, std::int64_t fixed_costs_minor,
                                  std::int64_t quotient_familial, std::string id = "h1") {
  return {std::move(id),     adults,           children, "EUR", income_minor,
          fixed_costs_minor, quotient_familial};
}

// One household's month of tagged purchases.
inline BonusInput purchases(std::int64_t tagged_purchases_minor, std::string id = "h1") {
  return {"2026-01", std::move(id), 2, 1, "EUR", tagged_purchases_minor};
}

inline constexpr std::int64_t kMax =
    std::numeric_limits<std::int64_t>::max();  // 9223372036854775807

// The amount of a hook that must succeed (its error message is the failure otherwise).
inline std::int64_t amount_of(const Result<std::int64_t>& result) {
  EXPECT_TRUE(result.ok()) << result.error().message;
  return result.ok() ? *result : -1;
}

// The error message of a hook that must fail.
inline std::string error_of(const Result<std::int64_t>& result) {
  EXPECT_FALSE(result.ok()) << "unexpected amount " << *result;
  return result.ok() ? std::string() : result.error().message;
}

// A status and an amount straight from a C hook.
struct RawAnswer {
  caisse_status_t status = CAISSE_STATUS_INTERNAL;
  std::int64_t amount = -1;
};

// An instance driven through the C ABI without PluginInstance, to see the status codes.
class RawRule {
 public:
  RawRule(const std::string& name, const Config& config) {
    auto loaded = load_rule(name);
    if (!loaded) {
      ADD_FAILURE() << loaded.error().message;
      return;
    }
    plugin_ = std::move(*loaded);
    auto resolved = resolve(plugin_->descriptor(), config);
    if (!resolved) {
      ADD_FAILURE() << resolved.error().message;
      return;
    }
    context_.caisse_id = "test";
    context_.instance = "raw";
    context_.descriptor = &plugin_->descriptor();
    context_.config = std::move(*resolved);
    context_.services = &services_;
    const caisse_status_t status = plugin_->descriptor().caisse_on_instance_init(
        &host::plugins::host_api(), &context_, &state_);
    if (status != CAISSE_STATUS_OK) {
      ADD_FAILURE() << "init: " << context_.last_error;
      state_ = nullptr;
    }
  }
  ~RawRule() {
    if (state_ != nullptr) plugin_->descriptor().caisse_on_instance_destroy(state_);
  }
  RawRule(const RawRule&) = delete;
  RawRule& operator=(const RawRule&) = delete;

  const caisse_rule_hooks_t& hooks() const { return *plugin_->descriptor().rule; }
  // The message the plugin set with caisse_host_set_error during the last failing hook.
  const std::string& last_error() const { return context_.last_error; }

  RawAnswer allocate(std::uint32_t adults, std::uint32_t children,
                     std::int64_t month_contributions_minor = 0,
                     std::uint64_t household_count = 1) {
    const caisse_allocation_input_t input{sizeof(caisse_allocation_input_t),
                                          text("h1"),
                                          adults,
                                          children,
                                          text("2026-01"),
                                          text("EUR"),
                                          month_contributions_minor,
                                          household_count};
    return answer(hooks().caisse_on_rule_allocate, input);
  }
  RawAnswer suggest_contribution(std::uint32_t adults, std::uint32_t children,
                                 std::int64_t income_minor, std::int64_t fixed_costs_minor,
                                 std::int64_t quotient_familial) {
    const caisse_contribution_input_t input{sizeof(caisse_contribution_input_t),
                                            text("h1"),
                                            adults,
                                            children,
                                            text("EUR"),
                                            income_minor,
                                            fixed_costs_minor,
                                            quotient_familial};
    return answer(hooks().caisse_on_rule_suggest_contribution, input);
  }
  RawAnswer bonus(std::int64_t tagged_purchases_minor) {
    const caisse_bonus_input_t input{
        sizeof(caisse_bonus_input_t), text("2026-01"), text("h1"), 1, 0, text("EUR"),
        tagged_purchases_minor};
    return answer(hooks().caisse_on_rule_bonus, input);
  }

 private:
  static caisse_str_t text(const char* s) { return {s, std::char_traits<char>::length(s)}; }

  // A NULL hook is what the host answers UNSUPPORTED for; report it the same way here.
  template <class Hook, class CInput>
  RawAnswer answer(Hook hook, const CInput& input) {
    RawAnswer out;
    context_.last_error.clear();
    if (state_ == nullptr) return out;
    if (hook == nullptr) {
      out.status = CAISSE_STATUS_UNSUPPORTED;
      return out;
    }
    out.status = hook(state_, &input, &out.amount);
    return out;
  }

  host::plugins::FakePluginServices services_;
  std::shared_ptr<host::plugins::LoadedPlugin> plugin_;
  caisse_host_context context_;
  void* state_ = nullptr;
};

}  // namespace caisse::rules_test
