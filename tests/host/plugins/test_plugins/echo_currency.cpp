// A CURRENCY plugin written with caisse/sdk.hpp whose answers are a function of the input, so a
// test can check every field crossing the boundary both ways: an even amount succeeds with
// external_ref "ext-<operation id>", an odd one is declined with a message naming the household;
// status reports PENDING with the operation id as reference.
#include <caisse/sdk.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

class EchoCurrency {
 public:
  explicit EchoCurrency(caisse::sdk::Host) {}

  std::vector<caisse::sdk::OperationResult> credit(std::span<const caisse::sdk::CreditLine> lines) {
    std::vector<caisse::sdk::OperationResult> results;
    for (const caisse::sdk::CreditLine& line : lines) {
      if (line.amount.minor % 2 == 0) {
        results.push_back({caisse::sdk::Outcome::succeeded, "ext-" + std::string(line.operation_id),
                           std::string()});
      } else {
        results.push_back({caisse::sdk::Outcome::declined, std::string(),
                           "odd amount " + std::to_string(line.amount.minor) + " " +
                               std::string(line.amount.currency) + " for " +
                               std::string(line.household_id)});
      }
    }
    return results;
  }

  caisse::sdk::OperationResult status(std::string_view operation_id) {
    return {caisse::sdk::Outcome::pending, std::string(operation_id), "still processing"};
  }
};

}  // namespace

CAISSE_PLUGIN(EchoCurrency, "echo_currency", "0.0.1", "Answers as a function of the input.",
              caisse::sdk::no_config)
