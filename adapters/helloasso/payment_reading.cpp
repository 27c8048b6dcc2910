#include "payment_reading.hpp"

#include <array>
#include <utility>

namespace caisse::adapters::helloasso {
namespace {

using State = sdk::PaymentState;

// Every PaymentState of the v5 spec. Pending states settle later; the registered (offline)
// payment did not pass through HelloAsso, so the bank statement, not this, says it was paid.
// Refunding and Contested (a chargeback) mean the money is going back.
constexpr std::array<std::pair<std::string_view, State>, 21> kStates{{
    {"Authorized", State::paid},
    {"AuthorizedPreprod", State::paid},  // the sandbox's Authorized
    {"Pending", State::pending},
    {"Waiting", State::pending},
    {"WaitingBankValidation", State::pending},
    {"WaitingBankWithdraw", State::pending},
    {"WaitingAuthentication", State::pending},
    {"Init", State::pending},
    {"Registered", State::pending},
    {"Unknown", State::pending},
    {"Inconsistent", State::pending},
    {"Corrected", State::pending},
    {"Refused", State::failed},
    {"Error", State::failed},
    {"Canceled", State::failed},
    {"Abandoned", State::failed},
    {"Deleted", State::failed},
    {"NoDonation", State::failed},
    {"Refunded", State::refunded},
    {"Refunding", State::refunded},
    {"Contested", State::refunded},
}};

}  // namespace

sdk::PaymentState state_of(const JsonField& state) {
  const std::string name = state.text();
  for (const auto& [known, mapped] : kStates) {
    if (known == name) return mapped;
  }
  state.fail("is \"" + name + "\", not a HelloAsso PaymentState");
}

PaymentRead read_payment(const JsonField& payment) {
  PaymentRead out;
  const std::int64_t id = payment["id"].integer();
  if (id <= 0) payment["id"].fail("is not a positive id");
  const std::string state = payment["state"].text();
  out.event.state = state_of(payment["state"]);
  out.event.event_id = "helloasso:" + std::to_string(id) + ":" + state;
  out.event.payment_ref = "helloasso:" + std::to_string(id);
  out.event.amount_minor = payment["amount"].integer();
  if (out.event.amount_minor < 0) payment["amount"].fail("is negative");
  out.event.currency = "EUR";
  // A settled or pending payment needs no reason; otherwise HelloAsso's state is the reason.
  if (out.event.state == State::failed || out.event.state == State::refunded) {
    out.event.reason_code = state;
  }
  out.event.occurred_at = payment["date"].text();
  const JsonField order = payment["order"];
  if (order.present()) {
    out.order_id = order["id"].integer();
    out.organization_slug = order["organizationSlug"].optional_text().value_or("");
  }
  return out;
}

}  // namespace caisse::adapters::helloasso
