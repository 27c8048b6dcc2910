// The ids and words a run gives its debits, derived only from the caisse, the month and the
// household, so that drafting or writing a month again gives the same ones (payments.md §1.3:
// EndToEndId comes back in pain.002 and camt, and is the key reconciliation matches on).
#pragma once

#include <string>
#include <string_view>

#include "core/month.hpp"

namespace caisse::host::collection {

// "<caisse>-<YYYYMM>-<household>", e.g. "nantes-ouest-202611-H-0042"; through bounded_sepa_id
// (sepa_fields.hpp) when longer than 35 characters or holding one outside the SEPA set (an id
// with '_'): its first 21 characters and a 13-character hash of the whole.
std::string end_to_end_id(std::string_view caisse_id, Month month, std::string_view household_id);

// GrpHdr/MsgId of the month's run: "<caisse>-<YYYYMM>-SDD", bounded the same way.
std::string message_id(std::string_view caisse_id, Month month);

// The debit's unstructured remittance, what the member reads on their statement:
// "Cotisation caisse alimentaire 2026-11".
std::string remittance(Month month);

}  // namespace caisse::host::collection
