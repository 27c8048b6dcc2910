// The payment outcomes in a verified delivery, read with the mapping of the instance's scheme.
#pragma once

#include <caisse/sdk.hpp>
#include "scheme.hpp"

namespace caisse::adapters::card {

// Emits zero, one or (GoCardless) several events. Throws PayloadError naming the field.
void read_webhook_events(Scheme scheme, const sdk::Webhook& hook,
                         const sdk::PaymentEventSink& emit);

}  // namespace caisse::adapters::card
