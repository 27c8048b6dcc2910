// What the host passes to and gets from role hooks, as owning C++ values. PluginInstance turns
// them into the C structs of caisse/sdk.h for the duration of one call and copies results back.
#pragma once

#include <cstdint>
#include <string>

namespace caisse::host::plugins {

// Integer minor units of `currency` ("EUR", "MONA"); never a floating-point number.
struct Money {
  std::int64_t minor = 0;
  std::string currency;
};

// One household for one month, as an allocation rule sees it.
struct AllocationInput {
  std::string household_id;
  std::uint32_t adults = 0;
  std::uint32_t children = 0;
  std::string month;     // "YYYY-MM"
  std::string currency;  // the caisse currency; the allocation is in its minor units
  std::int64_t month_contributions_minor = 0;
  std::uint64_t household_count = 0;
};

// One household, as a contribution grid sees it (ABI 1.1). An undeclared value is -1.
struct ContributionInput {
  std::string household_id;
  std::uint32_t adults = 0;
  std::uint32_t children = 0;
  std::string currency = "EUR";  // of the amounts below and of the suggestion
  std::int64_t monthly_income_minor = -1;
  std::int64_t monthly_fixed_costs_minor = -1;  // income - fixed costs = reste à vivre
  std::int64_t quotient_familial = -1;          // CAF: whole euros per month per part
};

// One household's month of purchases at tagged merchants, as a bonus rule sees it (ABI 1.1).
struct BonusInput {
  std::string month;  // "YYYY-MM"
  std::string household_id;
  std::uint32_t adults = 0;
  std::uint32_t children = 0;
  std::string currency;  // of the purchases and of the bonus
  std::int64_t tagged_purchases_minor = 0;
};

struct CreditLine {
  std::string operation_id;  // deterministic, persisted before the call: the idempotency key
  std::string household_id;
  Money amount;
  std::string description;
};

// What the outside world did with an operation; see caisse_outcome_t for each meaning.
enum class Outcome { succeeded, pending, declined, not_sent, unknown };

struct OperationResult {
  Outcome outcome = Outcome::unknown;
  std::string external_ref;
  std::string message;
};

// One payment from a household to a merchant, as a currency backend recorded it (ABI 1.3).
struct Purchase {
  std::string external_ref;  // the backend's unique reference
  std::string household_id;  // empty: the payer is not one of the caisse's households
  std::string merchant_ref;  // the merchant as the backend knows it
  Money amount;
  std::int64_t paid_at_ms = 0;
};

// A merchant of the caisse and whether it is accredited now (ABI 1.3).
struct Merchant {
  std::string merchant_id;
  std::string name;
  std::string backend_ref;  // how the instance's backend knows it
  bool accredited = false;
};

}  // namespace caisse::host::plugins
