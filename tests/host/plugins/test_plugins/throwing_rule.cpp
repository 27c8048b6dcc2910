// A rule written with caisse/sdk.hpp that throws: from its constructor when the config asks it
// to, and from every allocate. The wrapper must turn both into statuses with the message.
#include <caisse/sdk.hpp>

#include <array>
#include <cstdint>
#include <stdexcept>

namespace {

constexpr std::array throwing_rule_config{
    caisse::sdk::field::boolean("refuse_config", "false", "Throw a ConfigError from init."),
};

class ThrowingRule {
 public:
  explicit ThrowingRule(caisse::sdk::Host host) {
    if (host.config<bool>("refuse_config")) throw caisse::sdk::ConfigError("refuse_config is set");
  }
  std::int64_t allocate(const caisse::sdk::AllocationInput&) {
    throw std::runtime_error("formula exploded");
  }
};

}  // namespace

CAISSE_PLUGIN(ThrowingRule, "throwing_rule", "0.0.1", "Throws from init and allocate.",
              throwing_rule_config)
