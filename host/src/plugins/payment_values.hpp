// What the host passes to and gets from the money-in and money-out hooks (ABI 1.4: COLLECTOR,
// STATEMENT, PAYOUT), as owning C++ values; PluginInstance converts them at the boundary.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "plugins/role_values.hpp"

namespace caisse::host::plugins {

// One bank statement line. amount.minor > 0 is money in, < 0 money out, never 0.
struct StatementEntry {
  std::string location;  // "releve.csv:12", "Stmt[1]/Ntry[3]"
  std::string account_iban;
  std::string booking_date;  // YYYY-MM-DD
  std::string value_date;    // YYYY-MM-DD or ""
  Money amount;
  std::string bank_reference;
  std::string end_to_end_id;
  std::string mandate_id;
  std::string counterparty_name;
  std::string counterparty_iban;
  std::string remittance;
  std::string return_reason;  // ISO reason code of an R-transaction, else ""
};

// The SEPA sequence types, numbered as caisse_sequence_type_t.
enum class SequenceType { first = 1, recurring = 2, one_off = 3, final = 4 };

struct Debit {
  std::string end_to_end_id;
  std::string mandate_id;
  std::string mandate_signed_on;  // YYYY-MM-DD
  SequenceType sequence = SequenceType::recurring;
  std::string debtor_name;
  std::string debtor_iban;
  std::string debtor_bic;  // "" when unknown
  Money amount;
  std::string remittance;
  std::string amended_mandate_id;   // "" unless changed since the last collection
  std::string amended_debtor_iban;  // "" unless changed since the last collection
};

struct DebitBatch {
  std::string message_id;
  std::string created_at;       // ISO date-time
  std::string collection_date;  // YYYY-MM-DD
  std::vector<Debit> debits;
};

// Where a payment stands, numbered as caisse_payment_state_t.
enum class PaymentState { pending = 1, paid = 2, failed = 3, refunded = 4 };

struct PaymentEvent {
  std::string event_id;     // the provider's id: the deduplication key
  std::string payment_ref;  // the EndToEndId, or the provider's payment id
  std::string payer_ref;    // the household id when the provider carries it
  PaymentState state = PaymentState::pending;
  Money amount;  // minor 0 when the event does not say
  std::string reason_code;
  std::string occurred_at;  // ISO date or date-time
  std::string location;     // where in a report file, "" for a notification
};

// A notification exactly as received.
struct Webhook {
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::int64_t received_ms = 0;
};

struct Transfer {
  std::string end_to_end_id;
  std::string creditor_name;
  std::string creditor_iban;
  std::string creditor_bic;  // "" when unknown
  Money amount;
  std::string remittance;
};

struct TransferBatch {
  std::string message_id;
  std::string created_at;      // ISO date-time
  std::string execution_date;  // YYYY-MM-DD
  std::vector<Transfer> transfers;
};

}  // namespace caisse::host::plugins
