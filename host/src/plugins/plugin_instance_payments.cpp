// PluginInstance's money-in and money-out calls (ABI 1.4): statements, collector hooks, payouts.
// A 1.3 plugin's descriptor ends before the 1.4 tables, so they are read only when its
// struct_size covers them.
#include <cstddef>
#include <utility>

#include "plugins/abi_sizes.hpp"
#include "plugins/c_strings.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_instance_call.hpp"

namespace caisse::host::plugins {
namespace {

// The string conversions, next to this file's overloads for role values.
using plugins::from_c;
using plugins::to_c;

template <class Table>
const Table* table_1_4(const caisse_plugin_t& d, const Table* caisse_plugin_t::*member,
                       std::size_t table_size) {
  if (d.struct_size < kDescriptorSize_1_4) return nullptr;
  const Table* table = d.*member;
  return table != nullptr && table->struct_size >= table_size ? table : nullptr;
}

const caisse_collector_hooks_t* collector_of(const caisse_plugin_t& d) {
  return table_1_4(d, &caisse_plugin_t::collector, kCollectorHooksSize_1_4);
}

std::string unsupported(const char* hook_name) {
  return status_name(CAISSE_STATUS_UNSUPPORTED) + ", the plugin does not implement " + hook_name;
}

// What a sink collected, and why it stopped when it refused a value.
template <class Value>
struct Collected {
  std::vector<Value> values;
  std::string refused;
};

std::string checked_state(std::uint32_t state, PaymentState& out) {
  switch (state) {
    case CAISSE_PAYMENT_PENDING:
      out = PaymentState::pending;
      return {};
    case CAISSE_PAYMENT_PAID:
      out = PaymentState::paid;
      return {};
    case CAISSE_PAYMENT_FAILED:
      out = PaymentState::failed;
      return {};
    case CAISSE_PAYMENT_REFUNDED:
      out = PaymentState::refunded;
      return {};
    default:
      return "state " + std::to_string(state) + " is not a caisse_payment_state_t";
  }
}

caisse_status_t collect_event(void* sink_host_ptr, const caisse_payment_event_t* c) {
  auto& collected = *static_cast<Collected<PaymentEvent>*>(sink_host_ptr);
  if (c == nullptr || c->struct_size < kPaymentEventSize_1_4) {
    collected.refused = "a payment event shorter than ABI 1.4's caisse_payment_event_t";
    return CAISSE_STATUS_INVALID_ARGUMENT;
  }
  PaymentEvent event;
  event.event_id = from_c(c->event_id);
  event.payment_ref = from_c(c->payment_ref);
  event.payer_ref = from_c(c->payer_ref);
  event.amount = {c->amount.minor, from_c(c->amount.currency)};
  event.reason_code = from_c(c->reason_code);
  event.occurred_at = from_c(c->occurred_at);
  event.location = from_c(c->location);
  std::string wrong = checked_state(c->state, event.state);
  if (event.event_id.empty()) wrong = "it has no event id";
  if (event.payment_ref.empty()) wrong = "it names no payment";
  if (event.amount.minor < 0) wrong = "its amount is negative";
  if (event.amount.minor != 0 && event.amount.currency.empty())
    wrong = "its amount has no currency";
  if (!wrong.empty()) {
    collected.refused = "payment event \"" + event.event_id + "\"" +
                        (event.location.empty() ? "" : " at " + event.location) + ": " + wrong;
    return CAISSE_STATUS_INVALID_ARGUMENT;
  }
  collected.values.push_back(std::move(event));
  return CAISSE_STATUS_OK;
}

// What parse_statement hands the caller's handler, and the first error either side raised.
struct StatementReader {
  const PluginInstance::StatementEntryHandler* on_entry = nullptr;
  std::string refused;
};

caisse_status_t read_entry(void* sink_host_ptr, const caisse_statement_entry_t* c) {
  auto& reader = *static_cast<StatementReader*>(sink_host_ptr);
  if (c == nullptr || c->struct_size < kStatementEntrySize_1_4) {
    reader.refused = "a statement line shorter than ABI 1.4's caisse_statement_entry_t";
    return CAISSE_STATUS_INVALID_ARGUMENT;
  }
  StatementEntry entry;
  entry.location = from_c(c->location);
  entry.account_iban = from_c(c->account_iban);
  entry.booking_date = from_c(c->booking_date);
  entry.value_date = from_c(c->value_date);
  entry.amount = {c->amount.minor, from_c(c->amount.currency)};
  entry.bank_reference = from_c(c->bank_reference);
  entry.end_to_end_id = from_c(c->end_to_end_id);
  entry.mandate_id = from_c(c->mandate_id);
  entry.counterparty_name = from_c(c->counterparty_name);
  entry.counterparty_iban = from_c(c->counterparty_iban);
  entry.remittance = from_c(c->remittance);
  entry.return_reason = from_c(c->return_reason);
  if (entry.amount.minor == 0 || entry.amount.currency.empty() || entry.booking_date.empty()) {
    reader.refused = "statement line " + entry.location +
                     " needs a booking date, a currency and a non-zero amount";
    return CAISSE_STATUS_INVALID_ARGUMENT;
  }
  auto handled = (*reader.on_entry)(std::move(entry));
  if (!handled) {
    reader.refused = handled.error().message;
    return CAISSE_STATUS_INVALID_ARGUMENT;
  }
  return CAISSE_STATUS_OK;
}

caisse_status_t append_bytes(void* sink_host_ptr, caisse_str_t bytes) {
  static_cast<std::string*>(sink_host_ptr)->append(bytes.data, bytes.len);
  return CAISSE_STATUS_OK;
}

caisse_money_t to_c(const Money& money) {
  return {money.minor, to_c(money.currency)};
}

caisse_debit_t to_c(const Debit& d) {
  caisse_debit_t c{};
  c.struct_size = sizeof c;
  c.end_to_end_id = to_c(d.end_to_end_id);
  c.mandate_id = to_c(d.mandate_id);
  c.mandate_signed_on = to_c(d.mandate_signed_on);
  c.sequence = static_cast<std::uint32_t>(d.sequence);
  c.debtor_name = to_c(d.debtor_name);
  c.debtor_iban = to_c(d.debtor_iban);
  c.debtor_bic = to_c(d.debtor_bic);
  c.amount = to_c(d.amount);
  c.remittance = to_c(d.remittance);
  c.amended_mandate_id = to_c(d.amended_mandate_id);
  c.amended_debtor_iban = to_c(d.amended_debtor_iban);
  return c;
}

caisse_transfer_t to_c(const Transfer& t) {
  caisse_transfer_t c{};
  c.struct_size = sizeof c;
  c.end_to_end_id = to_c(t.end_to_end_id);
  c.creditor_name = to_c(t.creditor_name);
  c.creditor_iban = to_c(t.creditor_iban);
  c.creditor_bic = to_c(t.creditor_bic);
  c.amount = to_c(t.amount);
  c.remittance = to_c(t.remittance);
  return c;
}

// The C structs of `items`, kept alive by the returned vector for the duration of a call.
template <class Item>
auto c_items(const std::vector<Item>& items) {
  std::vector<decltype(to_c(items.front()))> out;
  out.reserve(items.size());
  for (const Item& item : items) out.push_back(to_c(item));
  return out;
}

// The C view of a webhook; `headers` keeps the header array alive.
caisse_webhook_t to_c(const Webhook& webhook, std::vector<caisse_http_header_t>& headers) {
  headers.clear();
  for (const auto& [name, value] : webhook.headers) headers.push_back({to_c(name), to_c(value)});
  caisse_webhook_t c{};
  c.struct_size = sizeof c;
  c.headers = headers.data();
  c.header_count = headers.size();
  c.body = to_c(webhook.body);
  c.received_ms = webhook.received_ms;
  return c;
}

}  // namespace

template <class Hook>
Result<std::vector<PaymentEvent>> PluginInstance::collect_events(std::string_view what,
                                                                 Hook&& hook) {
  Collected<PaymentEvent> collected;
  auto called = call(what, [&] { return hook(&collect_event, &collected); });
  if (!collected.refused.empty()) return failure(what, collected.refused);
  if (!called) return called.error();
  return std::move(collected.values);
}

template <class Hook>
Result<std::string> PluginInstance::written_file(std::string_view what, Hook&& hook) {
  std::string file;
  auto called = call(what, [&] { return hook(&append_bytes, &file); });
  if (!called) return called.error();
  return file;
}

bool PluginInstance::parses_statements() const {
  return table_1_4(plugin_->descriptor(), &caisse_plugin_t::statement, kStatementHooksSize_1_4) !=
         nullptr;
}
bool PluginInstance::verifies_webhooks() const {
  const auto* collector = collector_of(plugin_->descriptor());
  return collector != nullptr && collector->caisse_on_collector_verify_webhook != nullptr;
}
bool PluginInstance::writes_debits() const {
  const auto* collector = collector_of(plugin_->descriptor());
  return collector != nullptr && collector->caisse_on_collector_write_debits != nullptr;
}
bool PluginInstance::reads_reports() const {
  const auto* collector = collector_of(plugin_->descriptor());
  return collector != nullptr && collector->caisse_on_collector_read_report != nullptr;
}
bool PluginInstance::writes_transfers() const {
  return table_1_4(plugin_->descriptor(), &caisse_plugin_t::payout, kPayoutHooksSize_1_4) !=
         nullptr;
}

Result<void> PluginInstance::parse_statement(std::string_view file_name, std::string_view content,
                                             const StatementEntryHandler& on_entry) {
  const auto* statement =
      table_1_4(plugin_->descriptor(), &caisse_plugin_t::statement, kStatementHooksSize_1_4);
  if (statement == nullptr) return failure("parse_statement", unsupported("a statement role"));
  StatementReader reader{&on_entry, {}};
  auto called = call("parse_statement", [&] {
    return statement->caisse_on_statement_parse(state_, to_c(file_name), to_c(content), &read_entry,
                                                &reader);
  });
  if (!reader.refused.empty()) return failure("parse_statement", reader.refused);
  return called;
}

Result<std::string> PluginInstance::verify_webhook(const Webhook& webhook) {
  const auto* collector = collector_of(plugin_->descriptor());
  if (!verifies_webhooks()) {
    return failure("verify_webhook", unsupported("caisse_on_collector_verify_webhook"));
  }
  std::vector<caisse_http_header_t> headers;
  const caisse_webhook_t c = to_c(webhook, headers);
  caisse_str_t event_id{};
  auto called = call("verify_webhook", [&] {
    return collector->caisse_on_collector_verify_webhook(state_, &c, &event_id);
  });
  if (!called) return called.error();
  std::string id = from_c(event_id);
  if (id.empty()) return failure("verify_webhook", "the plugin gave no event id");
  return id;
}

Result<std::vector<PaymentEvent>> PluginInstance::read_webhook(const Webhook& webhook) {
  const auto* collector = collector_of(plugin_->descriptor());
  if (collector == nullptr || collector->caisse_on_collector_read_webhook == nullptr) {
    return failure("read_webhook", unsupported("caisse_on_collector_read_webhook"));
  }
  std::vector<caisse_http_header_t> headers;
  const caisse_webhook_t c = to_c(webhook, headers);
  return collect_events("read_webhook", [&](auto sink, auto* collected) {
    return collector->caisse_on_collector_read_webhook(state_, &c, sink, collected);
  });
}

Result<std::string> PluginInstance::write_debits(const DebitBatch& batch) {
  const auto* collector = collector_of(plugin_->descriptor());
  if (!writes_debits()) {
    return failure("write_debits", unsupported("caisse_on_collector_write_debits"));
  }
  const auto debits = c_items(batch.debits);
  caisse_debit_batch_t c{};
  c.struct_size = sizeof c;
  c.message_id = to_c(batch.message_id);
  c.created_at = to_c(batch.created_at);
  c.collection_date = to_c(batch.collection_date);
  c.debits = debits.data();
  c.debit_count = debits.size();
  return written_file("write_debits", [&](auto sink, std::string* file) {
    return collector->caisse_on_collector_write_debits(state_, &c, sink, file);
  });
}

Result<std::vector<PaymentEvent>> PluginInstance::read_report(std::string_view file_name,
                                                              std::string_view content) {
  const auto* collector = collector_of(plugin_->descriptor());
  if (!reads_reports()) {
    return failure("read_report", unsupported("caisse_on_collector_read_report"));
  }
  return collect_events("read_report", [&](auto sink, auto* collected) {
    return collector->caisse_on_collector_read_report(state_, to_c(file_name), to_c(content), sink,
                                                      collected);
  });
}

Result<std::vector<PaymentEvent>> PluginInstance::list_payments(std::int64_t from_ms,
                                                                std::int64_t to_ms) {
  const auto* collector = collector_of(plugin_->descriptor());
  if (collector == nullptr || collector->caisse_on_collector_list_payments == nullptr) {
    return failure("list_payments", unsupported("caisse_on_collector_list_payments"));
  }
  return collect_events("list_payments", [&](auto sink, auto* collected) {
    return collector->caisse_on_collector_list_payments(state_, from_ms, to_ms, sink, collected);
  });
}

Result<std::string> PluginInstance::write_transfers(const TransferBatch& batch) {
  const auto* payout =
      table_1_4(plugin_->descriptor(), &caisse_plugin_t::payout, kPayoutHooksSize_1_4);
  if (payout == nullptr) {
    return failure("write_transfers", unsupported("caisse_on_payout_write_transfers"));
  }
  const auto transfers = c_items(batch.transfers);
  caisse_transfer_batch_t c{};
  c.struct_size = sizeof c;
  c.message_id = to_c(batch.message_id);
  c.created_at = to_c(batch.created_at);
  c.execution_date = to_c(batch.execution_date);
  c.transfers = transfers.data();
  c.transfer_count = transfers.size();
  return written_file("write_transfers", [&](auto sink, std::string* file) {
    return payout->caisse_on_payout_write_transfers(state_, &c, sink, file);
  });
}

}  // namespace caisse::host::plugins
