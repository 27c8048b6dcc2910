// Signatures travel as text: Stripe and GoCardless write hex, Standard Webhooks writes base64
// (and its secrets too). Decoders say "not this encoding" with nullopt, so that a garbled
// signature is simply one that does not match.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::card {

// Lower-case hex, two digits a byte.
std::string to_hex(std::string_view bytes);

// Upper- or lower-case hex of an even length; nullopt for anything else.
std::optional<std::string> from_hex(std::string_view text);

// RFC 4648 base64, standard alphabet, with "=" padding.
std::string to_base64(std::string_view bytes);

// RFC 4648 base64, standard alphabet; the padding may be left out (the reference libraries of
// Standard Webhooks pad secrets before decoding them), but when present it must be right.
// nullopt for anything else: whitespace, the URL-safe alphabet, bits left over.
std::optional<std::string> from_base64(std::string_view text);

}  // namespace caisse::adapters::card
