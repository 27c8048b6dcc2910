// The values of the money-in and money-out roles (ABI 1.4) as C++ types: STATEMENT lines,
// COLLECTOR debits, events and webhooks, PAYOUT transfers. Inputs from the host are views over
// its C structs, valid until the hook returns; what a plugin hands back is owning.
#pragma once

#include <caisse/sdk.h>

#include <caisse/sdk/host.hpp>
#include <caisse/sdk/values.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::sdk {

// One bank statement line (caisse_statement_entry_t). Owning: the plugin builds it.
struct StatementEntry {
  std::string location;           // "releve.csv:12", "Stmt[1]/Ntry[3]"
  std::string account_iban;       // the statement's own account, "" when the file does not say
  std::string booking_date;       // YYYY-MM-DD
  std::string value_date;         // YYYY-MM-DD or ""
  std::int64_t amount_minor = 0;  // > 0 money in, < 0 money out
  std::string currency;           // "EUR"
  std::string bank_reference;     // the bank's id of the line, may be ""
  std::string end_to_end_id;      // may be ""
  std::string mandate_id;         // may be ""
  std::string counterparty_name;
  std::string counterparty_iban;
  std::string remittance;
  std::string return_reason;  // ISO reason code of an R-transaction, else ""
};

enum class SequenceType {
  first = CAISSE_SEQUENCE_FIRST,
  recurring = CAISSE_SEQUENCE_RECURRING,
  one_off = CAISSE_SEQUENCE_ONE_OFF,
  final = CAISSE_SEQUENCE_FINAL,
};

// One direct debit to collect (caisse_debit_t). LIFETIME: until the hook returns.
struct Debit {
  std::string_view end_to_end_id;
  std::string_view mandate_id;
  std::string_view mandate_signed_on;  // YYYY-MM-DD
  SequenceType sequence = SequenceType::recurring;
  std::string_view debtor_name;
  std::string_view debtor_iban;
  std::string_view debtor_bic;  // "" when unknown
  Money amount;
  std::string_view remittance;
  std::string_view amended_mandate_id;   // "" unless the reference changed since last time
  std::string_view amended_debtor_iban;  // "" unless the account changed since last time
};

// A file of direct debits (caisse_debit_batch_t). LIFETIME: until the hook returns.
struct DebitBatch {
  std::string_view message_id;
  std::string_view created_at;       // ISO date-time
  std::string_view collection_date;  // YYYY-MM-DD
  std::span<const Debit> debits;
};

enum class PaymentState {
  pending = CAISSE_PAYMENT_PENDING,
  paid = CAISSE_PAYMENT_PAID,
  failed = CAISSE_PAYMENT_FAILED,
  refunded = CAISSE_PAYMENT_REFUNDED,
};

// What a provider says happened to one payment (caisse_payment_event_t). Owning.
struct PaymentEvent {
  std::string event_id;     // the provider's id of the event: the deduplication key
  std::string payment_ref;  // the EndToEndId, or the provider's payment id
  std::string payer_ref;    // the household id when the provider carries it, else ""
  PaymentState state = PaymentState::pending;
  std::int64_t amount_minor = 0;  // 0 when the event does not say
  std::string currency;
  std::string reason_code;
  std::string occurred_at;  // ISO date or date-time
  std::string location;     // where in a report file, "" for a notification
};

// A notification exactly as received (caisse_webhook_t). LIFETIME: until the hook returns.
struct Webhook {
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string_view body;
  std::int64_t received_ms = 0;

  // The first value of header `name`, compared ASCII case-insensitively; nullopt when absent.
  std::optional<std::string_view> header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (detail::same_header_name(key, name)) return value;
    }
    return std::nullopt;
  }
};

// One credit transfer to a merchant (caisse_transfer_t). LIFETIME: until the hook returns.
struct Transfer {
  std::string_view end_to_end_id;
  std::string_view creditor_name;
  std::string_view creditor_iban;
  std::string_view creditor_bic;  // "" when unknown
  Money amount;
  std::string_view remittance;
};

// A file of credit transfers (caisse_transfer_batch_t). LIFETIME: until the hook returns.
struct TransferBatch {
  std::string_view message_id;
  std::string_view created_at;      // ISO date-time
  std::string_view execution_date;  // YYYY-MM-DD
  std::span<const Transfer> transfers;
};

namespace detail {

// The first-version sizes of the 1.4 structs the host sends: it never sends less.
inline constexpr std::size_t kDebitSize_1_4 =
    offsetof(caisse_debit_t, amended_debtor_iban) + sizeof(caisse_str_t);
inline constexpr std::size_t kDebitBatchSize_1_4 =
    offsetof(caisse_debit_batch_t, debit_count) + sizeof(std::size_t);
inline constexpr std::size_t kWebhookSize_1_4 =
    offsetof(caisse_webhook_t, received_ms) + sizeof(std::int64_t);
inline constexpr std::size_t kTransferSize_1_4 =
    offsetof(caisse_transfer_t, remittance) + sizeof(caisse_str_t);
inline constexpr std::size_t kTransferBatchSize_1_4 =
    offsetof(caisse_transfer_batch_t, transfer_count) + sizeof(std::size_t);

inline void check_size_1_4(const char* what, std::uint32_t size, std::size_t size_1_4) {
  if (size < size_1_4) {
    throw StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                      std::string(what) + " struct_size " + std::to_string(size) +
                          " is smaller than ABI 1.4's " + std::to_string(size_1_4));
  }
}

inline Money from_c(const caisse_money_t& money) noexcept {
  return Money{money.minor, from_c(money.currency)};
}

inline Debit from_c(const caisse_debit_t& c) {
  check_size_1_4("debit", c.struct_size, kDebitSize_1_4);
  Debit debit;
  debit.end_to_end_id = from_c(c.end_to_end_id);
  debit.mandate_id = from_c(c.mandate_id);
  debit.mandate_signed_on = from_c(c.mandate_signed_on);
  if (c.sequence < CAISSE_SEQUENCE_FIRST || c.sequence > CAISSE_SEQUENCE_FINAL) {
    throw StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                      "debit " + std::string(debit.end_to_end_id) + ": sequence " +
                          std::to_string(c.sequence) + " is not a caisse_sequence_type_t");
  }
  debit.sequence = static_cast<SequenceType>(c.sequence);
  debit.debtor_name = from_c(c.debtor_name);
  debit.debtor_iban = from_c(c.debtor_iban);
  debit.debtor_bic = from_c(c.debtor_bic);
  debit.amount = from_c(c.amount);
  debit.remittance = from_c(c.remittance);
  debit.amended_mandate_id = from_c(c.amended_mandate_id);
  debit.amended_debtor_iban = from_c(c.amended_debtor_iban);
  return debit;
}

inline Transfer from_c(const caisse_transfer_t& c) {
  check_size_1_4("transfer", c.struct_size, kTransferSize_1_4);
  Transfer transfer;
  transfer.end_to_end_id = from_c(c.end_to_end_id);
  transfer.creditor_name = from_c(c.creditor_name);
  transfer.creditor_iban = from_c(c.creditor_iban);
  transfer.creditor_bic = from_c(c.creditor_bic);
  transfer.amount = from_c(c.amount);
  transfer.remittance = from_c(c.remittance);
  return transfer;
}

inline Webhook from_c(const caisse_webhook_t& c) {
  check_size_1_4("webhook", c.struct_size, kWebhookSize_1_4);
  Webhook hook;
  hook.headers.reserve(c.header_count);
  for (std::size_t i = 0; i < c.header_count; ++i) {
    hook.headers.emplace_back(from_c(c.headers[i].name), from_c(c.headers[i].value));
  }
  hook.body = from_c(c.body);
  hook.received_ms = c.received_ms;
  return hook;
}

// LIFETIME: the result points into `entry`, which must outlive the sink call.
inline caisse_statement_entry_t to_c(const StatementEntry& entry) noexcept {
  caisse_statement_entry_t c{};
  c.struct_size = sizeof c;
  c.location = to_c(entry.location);
  c.account_iban = to_c(entry.account_iban);
  c.booking_date = to_c(entry.booking_date);
  c.value_date = to_c(entry.value_date);
  c.amount = {entry.amount_minor, to_c(entry.currency)};
  c.bank_reference = to_c(entry.bank_reference);
  c.end_to_end_id = to_c(entry.end_to_end_id);
  c.mandate_id = to_c(entry.mandate_id);
  c.counterparty_name = to_c(entry.counterparty_name);
  c.counterparty_iban = to_c(entry.counterparty_iban);
  c.remittance = to_c(entry.remittance);
  c.return_reason = to_c(entry.return_reason);
  return c;
}

// LIFETIME: the result points into `event`, which must outlive the sink call.
inline caisse_payment_event_t to_c(const PaymentEvent& event) noexcept {
  caisse_payment_event_t c{};
  c.struct_size = sizeof c;
  c.event_id = to_c(event.event_id);
  c.payment_ref = to_c(event.payment_ref);
  c.payer_ref = to_c(event.payer_ref);
  c.state = static_cast<std::uint32_t>(event.state);
  c.amount = {event.amount_minor, to_c(event.currency)};
  c.reason_code = to_c(event.reason_code);
  c.occurred_at = to_c(event.occurred_at);
  c.location = to_c(event.location);
  return c;
}

}  // namespace detail

}  // namespace caisse::sdk
