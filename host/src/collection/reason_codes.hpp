// What the bank's reason for an unpaid debit means, in plain words for the operator (French
// and English), and what it does to the member's mandate (payments.md §2.3, §2.4). The host's
// own short table: plugins have theirs (adapters/sepa/reason_codes.hpp), which the host cannot
// link. A code not in the table leaves the mandate as it is and is shown as is.
#pragma once

#include <optional>
#include <string_view>

#include "collection/mandate.hpp"

namespace caisse::host::collection {

// What a reject or return with this reason does to the mandate the debit was presented under.
enum class MandateEffect {
  keep,                // the mandate stays active: next month's run collects again
  needs_bank_details,  // the account is closed or unusable: wait for a new IBAN
  hold,                // the member refused or blocked it: wait for the operator
  revoke,              // no valid mandate any more: the member must sign a new one
};

struct ReasonWords {
  std::string_view code;  // ISO 20022 external code: "AC04"
  MandateEffect effect = MandateEffect::keep;
  // Whether the amount may be presented again in a later run (insufficient funds...).
  bool may_present_again = false;
  std::string_view english;
  std::string_view french;
};

// The words for `code`; for a code not in the table, effect keep and words that say so.
ReasonWords reason_words(std::string_view code);

// The mandate status `effect` leads to: needs_bank_details, on_hold, revoked; nullopt for keep.
std::optional<MandateStatus> status_after(MandateEffect effect);

}  // namespace caisse::host::collection
