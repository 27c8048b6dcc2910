// The cycle's rule and currency ports backed by running plugin instances.
#pragma once

#include <string>

#include "cycle/cycle_ports.hpp"
#include "plugins/plugin_instance.hpp"

namespace caisse::host::cycle {

class PluginAllocationRule final : public AllocationRule {
 public:
  // `version` is what each line records, e.g. rule_version_label(...).
  PluginAllocationRule(plugins::PluginInstance& instance, std::string version)
      : instance_(instance), version_(std::move(version)) {}
  std::string version() const override { return version_; }
  Result<std::int64_t> allocate(const plugins::AllocationInput& input) override {
    return instance_.allocate(input);
  }

 private:
  plugins::PluginInstance& instance_;
  std::string version_;
};

class PluginBonusRule final : public BonusRule {
 public:
  PluginBonusRule(plugins::PluginInstance& instance, std::string version)
      : instance_(instance), version_(std::move(version)) {}
  std::string version() const override { return version_; }
  Result<std::int64_t> bonus(const plugins::BonusInput& input) override {
    return instance_.bonus(input);
  }

 private:
  plugins::PluginInstance& instance_;
  std::string version_;
};

class PluginCurrencyGateway final : public CurrencyGateway {
 public:
  explicit PluginCurrencyGateway(plugins::PluginInstance& instance) : instance_(instance) {}
  Result<std::vector<plugins::OperationResult>> credit(
      const std::vector<plugins::CreditLine>& lines) override {
    return instance_.credit(lines);
  }
  Result<plugins::OperationResult> status(std::string_view operation_id) override {
    return instance_.status(operation_id);
  }

 private:
  plugins::PluginInstance& instance_;
};

// "per_person 1.0.0 (instance allocation-2025, from 2025-01)".
inline std::string rule_version_label(const plugins::PluginInstance& instance, Month from) {
  return std::string(instance.plugin().descriptor().name) + " " +
         instance.plugin().descriptor().version + " (instance " + instance.instance() + ", from " +
         from.to_string() + ")";
}

}  // namespace caisse::host::cycle
