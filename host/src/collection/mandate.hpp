// A household's SEPA mandate as the collection reads it: its kind, its status, and what the
// sequence type and the 36-month lapse depend on (payments.md §1.3).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "csv/iso_date.hpp"

namespace caisse::host::collection {

enum class MandateKind { recurrent, one_off };

// active: collectable. needs_bank_details: the account is closed or invalid (AC04, AC01...),
// until an import brings a new IBAN. on_hold: the member refused a debit or blocked the
// account (MS02, AC06), until the operator reinstates it. revoked (MD01, MD07, the operator) and
// lapsed (36 months unused) are final: the member signs a new mandate.
enum class MandateStatus { active, needs_bank_details, on_hold, revoked, lapsed };

// The words stored in collection_mandates: "recurrent", "one_off"; "active", "needs_bank_details",
// "on_hold", "revoked", "lapsed". Parsing anything else is an error naming it.
std::string_view to_string(MandateKind kind);
std::string_view to_string(MandateStatus status);
Result<MandateKind> parse_mandate_kind(std::string_view text);
Result<MandateStatus> parse_mandate_status(std::string_view text);

struct Mandate {
  std::string household_id;
  std::string mandate_id;  // the RUM
  MandateKind kind = MandateKind::recurrent;
  MandateStatus status = MandateStatus::active;
  std::string status_reason;  // "AC04", "MD01", "operator"; "" when active
  std::string debtor_name;
  std::string iban;
  std::string bic;  // "" when unknown
  csv::Date signed_on;
  // Due date of the last collection presented, even rejected: the lapse clock runs from it.
  std::optional<csv::Date> last_collected_on;
  bool first_collection_done = false;
};

}  // namespace caisse::host::collection
