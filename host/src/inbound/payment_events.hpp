// What providers say happened to payments (caisse_payment_event_t), recorded once per instance
// and event id, and what each one does to the caisse's money:
//   - an event about a direct debit the caisse presented (its payment_ref is the debit's
//     EndToEndId) goes to the debit: a reject (failed) marks it rejected with its reason and
//     tells the mandate (collection/); money is booked only when the statement shows it;
//   - an event about a card or online payment of a household (payer_ref names it): paid books a
//     contribution received on the provider's clearing account "bank:psp:<instance>", where it
//     stays until the provider pays out to the bank; refunded reverses it; failed and pending
//     are recorded and change nothing.
// The same event twice changes nothing; so does an event that arrives again through another
// road (a notification, then the listing).
#pragma once

#include <string>
#include <vector>

#include "config/caisse_file.hpp"
#include "core/result.hpp"
#include "plugins/payment_values.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::inbound {

struct RecordedEvent {
  std::string event_id;
  bool created = false;  // false: already recorded, nothing done
  std::string effect;    // for the operator: what it did, or why it did nothing
};

// All events in one transaction: an event whose effect fails leaves none of them recorded.
// `source` is "webhook", "report" or "listing".
Result<std::vector<RecordedEvent>> record_payment_events(
    store::PgConnection& db, const config::CaisseConfig& caisse, const std::string& instance,
    const std::string& source, const std::vector<plugins::PaymentEvent>& events);

// The receipt reference a card or online payment is booked under: "psp/<instance>/<ref>".
std::string provider_receipt_reference(const std::string& instance, const std::string& payment_ref);

}  // namespace caisse::host::inbound
