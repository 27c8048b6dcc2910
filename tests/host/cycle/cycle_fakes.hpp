// Stand-ins for the registry, the rule, the currency backend and the ledger, so that the cycle's
// state machine can be driven step by step against a real PostgreSQL.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cycle/cycle_ports.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::cycle {

class VectorHouseholds final : public HouseholdSource {
 public:
  explicit VectorHouseholds(std::vector<Household> households)
      : households_(std::move(households)) {}
  Result<std::uint64_t> count(Month) override { return households_.size(); }
  Result<void> for_each_batch(Month, std::size_t batch_size, const HouseholdBatch& batch) override {
    for (std::size_t i = 0; i < households_.size(); i += batch_size) {
      std::vector<Household> part(
          households_.begin() + static_cast<long>(i),
          households_.begin() + static_cast<long>(std::min(i + batch_size, households_.size())));
      if (auto done = batch(part); !done) return done;
    }
    return {};
  }

 private:
  std::vector<Household> households_;
};

// Montpellier-like: a flat amount per person.
class PerPersonRule final : public AllocationRule {
 public:
  explicit PerPersonRule(std::int64_t per_person) : per_person_(per_person) {}
  std::string version() const override { return "per_person test (10000 per person)"; }
  Result<std::int64_t> allocate(const plugins::AllocationInput& in) override {
    return per_person_ * (in.adults + in.children);
  }

 private:
  std::int64_t per_person_;
};

// A currency backend that remembers what it credited, by operation id, and can be told to
// decline a household, to refuse a batch before sending it, or to commit a batch and then lose
// the answer (the nastiest case: the money moved but the host does not know).
class ScriptedBackend final : public CurrencyGateway {
 public:
  std::set<std::string> decline;       // household ids
  std::set<std::string> not_received;  // household ids: answered NOT_SENT once
  bool lose_next_answer = false;
  bool unreachable = false;

  std::map<std::string, int> credits_applied;  // operation id -> times the money moved
  int credit_calls = 0;

  Result<std::vector<plugins::OperationResult>> credit(
      const std::vector<plugins::CreditLine>& lines) override {
    ++credit_calls;
    if (unreachable) return make_error("connection refused");
    std::vector<plugins::OperationResult> out;
    for (const auto& line : lines) {
      if (not_received.erase(line.household_id) > 0) {
        out.push_back({plugins::Outcome::not_sent, "", "queue full"});
      } else if (decline.count(line.household_id) > 0) {
        out.push_back({plugins::Outcome::declined, "", "account closed"});
      } else {
        ++credits_applied[line.operation_id];
        out.push_back({plugins::Outcome::succeeded, "T-" + line.operation_id, ""});
      }
    }
    if (lose_next_answer) {
      lose_next_answer = false;
      return make_error("timeout after sending");
    }
    return out;
  }

  Result<plugins::OperationResult> status(std::string_view operation_id) override {
    if (unreachable) return make_error("connection refused");
    auto found = credits_applied.find(std::string(operation_id));
    if (found == credits_applied.end())
      return plugins::OperationResult{plugins::Outcome::not_sent, "", ""};
    return plugins::OperationResult{plugins::Outcome::succeeded, "T-" + found->first, ""};
  }
};

// Funds and issuance kept in a table of the test database, so that a posting commits or rolls
// back with the cycle's own transaction.
class TableLedger final : public CycleLedger {
 public:
  explicit TableLedger(store::PgConnection& db) : db_(db) {
    auto made = db_.exec(
        "CREATE TABLE IF NOT EXISTS test_issuance (operation_id text PRIMARY KEY,"
        " amount bigint NOT NULL)");
    if (!made) throw std::runtime_error(made.error().message);
  }
  std::int64_t funds = 0;
  std::int64_t contributions = 0;

  Result<std::int64_t> funds_available(Month) override { return funds; }
  Result<std::int64_t> month_contributions(Month) override { return contributions; }
  Result<void> record_issuances(store::PgConnection& db,
                                const std::vector<Issuance>& issuances) override {
    for (const Issuance& issuance : issuances) {
      auto r = db.exec_params("INSERT INTO test_issuance VALUES ($1, $2) ON CONFLICT DO NOTHING",
                              {issuance.operation_id, std::to_string(issuance.amount_minor)});
      if (!r) return r.error();
    }
    return {};
  }
  std::int64_t issued() {
    auto r = db_.exec("SELECT coalesce(sum(amount), 0), count(*) FROM test_issuance");
    return r ? std::stoll(std::string(r->get(0, 0))) : -1;
  }

 private:
  store::PgConnection& db_;
};

}  // namespace caisse::host::cycle
