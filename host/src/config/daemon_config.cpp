#include "config/daemon_config.hpp"

namespace caisse::host::config {

const char* rule_kind_name(RuleKind kind) {
  switch (kind) {
    case RuleKind::allocation:
      return "allocation";
    case RuleKind::contribution_grid:
      return "contribution_grid";
    case RuleKind::bonus:
      return "bonus";
  }
  return "unknown";
}

const RuleVersion* CaisseConfig::rule_in_force(RuleKind kind, Month month) const {
  const RuleVersion* found = nullptr;
  for (const auto& rule : rules) {
    if (rule.kind == kind && rule.from <= month) found = &rule;  // sorted: the last one wins
  }
  return found;
}

}  // namespace caisse::host::config
