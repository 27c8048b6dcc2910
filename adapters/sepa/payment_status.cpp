#include "payment_status.hpp"

#include <array>
#include <utility>

namespace caisse::adapters::sepa {
namespace {

// TransactionIndividualStatus3Code (pain.002.001.03) and the external status codes of later
// versions that a creditor can receive.
constexpr std::array<std::pair<std::string_view, PaymentOutcome>, 12> kStatuses = {{
    {"ACTC", PaymentOutcome::pending},  // technical validation passed
    {"ACCP", PaymentOutcome::pending},  // customer profile checks passed
    {"ACSP", PaymentOutcome::pending},  // settlement in process
    {"ACWC", PaymentOutcome::pending},  // accepted with a change
    {"ACWP", PaymentOutcome::pending},  // accepted, not yet posted
    {"ACFC", PaymentOutcome::pending},  // funds checked
    {"RCVD", PaymentOutcome::pending},  // received, not yet checked
    {"PDNG", PaymentOutcome::pending},  // further checks pending
    {"ACSC", PaymentOutcome::paid},     // settlement completed
    {"ACCC", PaymentOutcome::paid},     // settled on the creditor's account
    {"RJCT", PaymentOutcome::failed},   // rejected before settlement
    {"CANC", PaymentOutcome::failed},   // cancelled before settlement
}};

}  // namespace

std::optional<StatusMeaning> status_meaning(std::string_view code) {
  if (code == "PART") return StatusMeaning{true, PaymentOutcome::pending};
  for (const auto& [known, outcome] : kStatuses) {
    if (known == code) return StatusMeaning{false, outcome};
  }
  return std::nullopt;
}

}  // namespace caisse::adapters::sepa
