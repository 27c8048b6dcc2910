// The values role hooks receive and return, as C++ types: views (std::string_view) over the
// host's C structs for inputs, owning strings for results.
#pragma once

#include <caisse/sdk.h>

#include <caisse/sdk/host.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace caisse::sdk {

// An amount in integer minor units of `currency`. Never a floating-point number.
struct Money {
  std::int64_t minor = 0;
  std::string_view currency;
};

// What one household looks like to an allocation rule for one month (caisse_allocation_input_t).
// LIFETIME: the views are valid until the hook returns.
struct AllocationInput {
  std::string_view household_id;
  std::uint32_t adults = 0;
  std::uint32_t children = 0;
  std::string_view month;     // "YYYY-MM"
  std::string_view currency;  // the result is in this currency's minor units
  std::int64_t month_contributions_minor = 0;
  std::uint64_t household_count = 0;
};

// What one household looks like to a contribution grid (caisse_contribution_input_t, ABI 1.1).
// A value the household did not declare is negative (-1). LIFETIME: until the hook returns.
struct ContributionInput {
  std::string_view household_id;
  std::uint32_t adults = 0;
  std::uint32_t children = 0;
  std::string_view currency;                    // of the amounts below and of the result
  std::int64_t monthly_income_minor = -1;       // net monthly income, minor units
  std::int64_t monthly_fixed_costs_minor = -1;  // rent, energy...: income - this = reste à vivre
  std::int64_t quotient_familial = -1;          // CAF: whole euros per month per part
};

// One household's month of purchases at tagged merchants (caisse_bonus_input_t, ABI 1.1).
// LIFETIME: until the hook returns.
struct BonusInput {
  std::string_view month;  // "YYYY-MM"
  std::string_view household_id;
  std::uint32_t adults = 0;
  std::uint32_t children = 0;
  std::string_view currency;  // of the purchases and of the result
  std::int64_t tagged_purchases_minor = 0;
};

// One allocation to credit (caisse_credit_line_t). LIFETIME: until the hook returns.
struct CreditLine {
  std::string_view operation_id;  // the idempotency key: a second send must be a no-op
  std::string_view household_id;
  Money amount;
  std::string_view description;
};

enum class Outcome {
  succeeded = CAISSE_OUTCOME_SUCCEEDED,
  pending = CAISSE_OUTCOME_PENDING,
  declined = CAISSE_OUTCOME_DECLINED,
  not_sent = CAISSE_OUTCOME_NOT_SENT,
  unknown = CAISSE_OUTCOME_UNKNOWN,
};

// What the backend did with one operation. Default UNKNOWN: claim more only when the peer said so.
struct OperationResult {
  Outcome outcome = Outcome::unknown;
  std::string external_ref;
  std::string message;
};

// One payment from a household to a merchant, as the backend recorded it (caisse_purchase_t,
// ABI 1.3). Owning: the plugin builds it and hands it to the host's sink.
struct Purchase {
  std::string external_ref;  // the backend's unique reference for the payment
  std::string household_id;  // empty when the payer is not one of the caisse's households
  std::string merchant_ref;  // the merchant as the backend knows it (Merchant::backend_ref)
  std::int64_t amount_minor = 0;
  std::string currency;
  std::int64_t paid_at_ms = 0;  // ms since the Unix epoch, UTC
};

// A merchant of the caisse and whether it is accredited now (caisse_merchant_t, ABI 1.3).
// LIFETIME: the views are valid until the hook returns.
struct Merchant {
  std::string_view merchant_id;
  std::string_view name;
  std::string_view backend_ref;  // how this instance's backend knows it
  bool accredited = false;
};

namespace detail {

// The size of caisse_allocation_input_t in ABI 1.0: a host never sends less.
inline constexpr std::size_t kAllocationInputSize_1_0 =
    offsetof(caisse_allocation_input_t, household_count) + sizeof(std::uint64_t);

inline AllocationInput from_c(const caisse_allocation_input_t& in) {
  if (in.struct_size < kAllocationInputSize_1_0) {
    throw StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                      "allocation input struct_size " + std::to_string(in.struct_size) +
                          " is smaller than ABI 1.0's " + std::to_string(kAllocationInputSize_1_0));
  }
  return {from_c(in.household_id), in.adults,           in.children,
          from_c(in.month),        from_c(in.currency), in.month_contributions_minor,
          in.household_count};
}

// The sizes of the ABI 1.1 inputs: a host that calls these hooks knows 1.1, so never sends less.
inline constexpr std::size_t kContributionInputSize_1_1 =
    offsetof(caisse_contribution_input_t, quotient_familial) + sizeof(std::int64_t);
inline constexpr std::size_t kBonusInputSize_1_1 =
    offsetof(caisse_bonus_input_t, tagged_purchases_minor) + sizeof(std::int64_t);

inline void check_input_size(const char* what, std::uint32_t size, std::size_t size_1_1) {
  if (size < size_1_1) {
    throw StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                      std::string(what) + " input struct_size " + std::to_string(size) +
                          " is smaller than ABI 1.1's " + std::to_string(size_1_1));
  }
}

inline ContributionInput from_c(const caisse_contribution_input_t& in) {
  check_input_size("contribution", in.struct_size, kContributionInputSize_1_1);
  return {from_c(in.household_id),
          in.adults,
          in.children,
          from_c(in.currency),
          in.monthly_income_minor,
          in.monthly_fixed_costs_minor,
          in.quotient_familial};
}

inline BonusInput from_c(const caisse_bonus_input_t& in) {
  check_input_size("bonus", in.struct_size, kBonusInputSize_1_1);
  return {from_c(in.month), from_c(in.household_id), in.adults,
          in.children,      from_c(in.currency),     in.tagged_purchases_minor};
}

inline CreditLine from_c(const caisse_credit_line_t& line) {
  return {from_c(line.operation_id), from_c(line.household_id),
          Money{line.amount.minor, from_c(line.amount.currency)}, from_c(line.description)};
}

// The size of caisse_merchant_t in ABI 1.3, its first version.
inline constexpr std::size_t kMerchantSize_1_3 =
    offsetof(caisse_merchant_t, accredited) + sizeof(bool);

inline Merchant from_c(const caisse_merchant_t& merchant) {
  if (merchant.struct_size < kMerchantSize_1_3) {
    throw StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                      "merchant struct_size " + std::to_string(merchant.struct_size) +
                          " is smaller than ABI 1.3's " + std::to_string(kMerchantSize_1_3));
  }
  return {from_c(merchant.merchant_id), from_c(merchant.name), from_c(merchant.backend_ref),
          merchant.accredited};
}

// LIFETIME: the result points into `purchase`, which must outlive the sink call.
inline caisse_purchase_t to_c(const Purchase& purchase) noexcept {
  caisse_purchase_t c{};
  c.struct_size = sizeof c;
  c.external_ref = to_c(purchase.external_ref);
  c.household_id = to_c(purchase.household_id);
  c.merchant_ref = to_c(purchase.merchant_ref);
  c.amount = {purchase.amount_minor, to_c(purchase.currency)};
  c.paid_at_ms = purchase.paid_at_ms;
  return c;
}

// LIFETIME: the result points into `result`, which the caller keeps until the host copied it.
inline caisse_operation_result_t to_c(const OperationResult& result) noexcept {
  return {static_cast<caisse_outcome_t>(result.outcome), to_c(result.external_ref),
          to_c(result.message)};
}

}  // namespace detail

}  // namespace caisse::sdk
