// What an ISO 20022 payment status (pain.002 GrpSts, PmtInfSts, TxSts) says about a collection.
#pragma once

#include <caisse/sdk/payment_values.hpp>

#include <optional>
#include <string_view>

namespace caisse::adapters::sepa {

// pending, paid, failed (nothing moved), refunded (given back after settlement).
using PaymentOutcome = caisse::sdk::PaymentState;

// A status is either a verdict on every transaction it covers, or PART ("some of each": only the
// transactions listed below it are known).
struct StatusMeaning {
  bool partial = false;
  PaymentOutcome outcome = PaymentOutcome::pending;
};

// ACTC ACCP ACSP ACWC ACWP ACFC RCVD PDNG -> pending (accepted, not settled); ACSC ACCC -> paid;
// RJCT CANC -> failed (nothing moved); PART -> partial. nullopt for any other code.
std::optional<StatusMeaning> status_meaning(std::string_view code);

}  // namespace caisse::adapters::sepa
