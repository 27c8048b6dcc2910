// Replay protection for the schemes that sign a timestamp (Standard Webhooks, Stripe): a
// delivery signed too long ago, or dated in the future, is refused even when its signature is
// good. The window is the same on both sides: a sender's clock that runs ahead is as suspect as
// a captured request played back later.
#pragma once

#include <cstdint>
#include <string_view>

namespace caisse::adapters::card {

// The Unix seconds of text, checked against the host clock now_ms with tolerance_s either
// side. Throws WebhookRejected naming `what` ("webhook-timestamp", "Stripe-Signature t") when
// text is not a plain decimal number, or saying by how many seconds it is outside the window.
std::int64_t check_timestamp(std::string_view what, std::string_view text, std::int64_t now_ms,
                             std::int64_t tolerance_s);

}  // namespace caisse::adapters::card
