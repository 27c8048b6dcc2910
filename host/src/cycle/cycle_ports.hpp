// What the cycle needs from the rest of the host, as small interfaces: the registry
// (households), the stored purchases (for bonuses), the caisse's allocation and bonus rules and
// currency adapter (plugin instances), and the ledger (funds and issuance). The daemon wires the
// real ones; tests wire fakes and real PostgreSQL. Keeping them narrow keeps the cycle's state
// machine testable on its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/month.hpp"
#include "core/result.hpp"
#include "cycle/cycle_state.hpp"
#include "plugins/role_values.hpp"

namespace caisse::host::store {
class PgConnection;
}

namespace caisse::host::cycle {

struct Household {
  std::string id;
  std::uint32_t adults = 0;
  std::uint32_t children = 0;
};

using HouseholdBatch = std::function<Result<void>(const std::vector<Household>&)>;

// The households a cycle credits, read in batches in a stable order, so that a million of them
// are never in memory at once.
class HouseholdSource {
 public:
  virtual ~HouseholdSource() = default;
  // Households taking part in `month`.
  virtual Result<std::uint64_t> count(Month month) = 0;
  // Calls `batch` with up to `batch_size` households at a time, ordered by id; stops at the
  // first error and returns it.
  virtual Result<void> for_each_batch(Month month, std::size_t batch_size,
                                      const HouseholdBatch& batch) = 0;
};

// The allocation rule in force for the cycle's month.
class AllocationRule {
 public:
  virtual ~AllocationRule() = default;
  // Recorded on every line: "hello 1.0.0 (instance allocation, from 2025-01)".
  virtual std::string version() const = 0;
  virtual Result<std::int64_t> allocate(const plugins::AllocationInput& input) = 0;
};

// One household's purchases of a month at the merchants whose purchases earn a bonus.
struct TaggedPurchases {
  std::string household_id;
  std::uint32_t adults = 0;
  std::uint32_t children = 0;
  std::int64_t amount_minor = 0;  // in the caisse's currency
};

using TaggedPurchaseBatch = std::function<Result<void>(const std::vector<TaggedPurchases>&)>;

// The month's purchases that earn a bonus, summed per household and read in batches ordered by
// household id (host/src/merchants/tagged_purchases.hpp says which purchases count).
class TaggedPurchaseSource {
 public:
  virtual ~TaggedPurchaseSource() = default;
  virtual Result<void> for_each_batch(Month month, std::size_t batch_size,
                                      const TaggedPurchaseBatch& batch) = 0;
};

// The bonus rule in force for the cycle's month ([[rules.bonus]]).
class BonusRule {
 public:
  virtual ~BonusRule() = default;
  virtual std::string version() const = 0;
  virtual Result<std::int64_t> bonus(const plugins::BonusInput& input) = 0;
};

// One line of a draft as computed: who gets how much.
struct DraftLine {
  std::string household_id;
  std::int64_t amount_minor = 0;
};

using DraftBatch = std::function<Result<void>(const std::vector<DraftLine>&)>;

// What a compute step writes, whatever the kind of cycle: the lines in household order, in
// batches, and the rule version every line records. An Error stops the computation and leaves
// the previous draft as it was.
class DraftSource {
 public:
  virtual ~DraftSource() = default;
  virtual std::string rule_version() const = 0;
  virtual Result<void> for_each_batch(Month month, const DraftBatch& batch) = 0;
};

// The caisse's currency adapter.
class CurrencyGateway {
 public:
  virtual ~CurrencyGateway() = default;
  // One result per line, in order. An Error means the outcome of every line is unknown.
  virtual Result<std::vector<plugins::OperationResult>> credit(
      const std::vector<plugins::CreditLine>& lines) = 0;
  virtual Result<plugins::OperationResult> status(std::string_view operation_id) = 0;
};

// One line credited, as the ledger records it.
struct Issuance {
  CycleKind kind = CycleKind::allocation;  // both are currency issued to a household
  std::string caisse_id;
  Month month;
  std::string household_id;
  std::string operation_id;  // the ledger's idempotency key
  std::int64_t amount_minor = 0;
  std::string currency;
};

// The money side of the cycle.
class CycleLedger {
 public:
  virtual ~CycleLedger() = default;
  // What the caisse can still issue for `month`, in the currency's minor units: euros received
  // (contributions and co-funding earmarked for allocations) at parity, less what earlier
  // cycles issued.
  virtual Result<std::int64_t> funds_available(Month month) = 0;
  // Contributions received for `month`, in the currency's minor units (rules such as the mean
  // of contributions need it).
  virtual Result<std::int64_t> month_contributions(Month month) = 0;
  // Posts the issuance of credited lines on `db`, inside the caller's transaction, so that the
  // lines' statuses and their postings commit together. Posting the same operation id twice is
  // a no-op.
  virtual Result<void> record_issuances(store::PgConnection& db,
                                        const std::vector<Issuance>& issuances) = 0;
};

}  // namespace caisse::host::cycle
