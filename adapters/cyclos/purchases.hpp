// Member-to-merchant payments, for evaluation, bonuses and the accreditation check: GET
// /transfers of the configured purchase transfer types within a period, each payer mapped back
// to its household through the household custom field.
#pragma once

#include <cstdint>
#include <string>

#include "members.hpp"
#include "transfer_search.hpp"

namespace caisse::adapters::cyclos {

struct PurchaseSettings {
  std::string transfer_types;  // comma-separated "accountType.transferType"; empty: not listed
  std::string currency;
  int decimal_digits = 2;
};

// Hands emit each purchase dated in [from_ms, to_ms). Throws sdk::StatusError: UNSUPPORTED when
// no purchase transfer type is configured, UNAVAILABLE when Cyclos cannot be read (a malformed
// transfer is named by its id and field).
void list_purchases(const TransferSearch& search, Members& members,
                    const PurchaseSettings& settings, std::int64_t from_ms, std::int64_t to_ms,
                    const sdk::PurchaseSink& emit);

}  // namespace caisse::adapters::cyclos
