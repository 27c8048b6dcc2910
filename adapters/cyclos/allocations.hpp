// Crediting allocations with POST /system/payments, and finding out later what became of them.
//
// Cyclos has no idempotency key, so each payment carries the host's operation id in a transaction
// custom field (`operation_field`, and in the description for people). The time of the first
// attempt is stored (kv "sent/<operation id>") BEFORE the payment is sent; from then on the line
// is never sent again without first searching GET /transfers for that id, unless Cyclos answered
// that it applied nothing (a refusal, a 401), which clears the mark. A payment not found
// `lost_after` after it was sent never arrived (Cyclos commits or refuses within the request),
// so only then is the line reported NOT_SENT and may be sent again.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cyclos_api.hpp"
#include "members.hpp"
#include "transfer_search.hpp"

namespace caisse::adapters::cyclos {

struct AllocationSettings {
  std::string currency;         // the caisse currency code this Cyclos holds ("MNK")
  int decimal_digits = 2;       // of that currency in Cyclos
  std::string payment_type;     // "debit.toUser": the system-to-member payment type
  std::string operation_field;  // transaction custom field holding the operation id
  std::int64_t lost_after_ms = 0;
};

class Allocations {
 public:
  Allocations(const CyclosApi& api, sdk::Host host, Members& members, const TransferSearch& search,
              AllocationSettings settings)
      : api_(api),
        host_(host),
        members_(members),
        search_(search),
        settings_(std::move(settings)) {}

  // One result per line, in order. Once Cyclos is unreachable or refuses the credentials, the
  // remaining lines are left NOT_SENT without trying.
  std::vector<sdk::OperationResult> credit(std::span<const sdk::CreditLine> lines);

  // Throws sdk::StatusError(UNAVAILABLE) when Cyclos cannot be searched now.
  sdk::OperationResult status(std::string_view operation_id);

 private:
  struct LineResult {
    sdk::OperationResult result;
    bool stop = false;  // Cyclos is unreachable or refuses us: do not try the next lines
  };
  LineResult credit_one(const sdk::CreditLine& line);
  LineResult pay(const sdk::CreditLine& line, const std::string& user_id);
  std::string refusal_of(const sdk::CreditLine& line) const;

  const CyclosApi& api_;
  sdk::Host host_;
  Members& members_;
  const TransferSearch& search_;
  AllocationSettings settings_;
};

}  // namespace caisse::adapters::cyclos
