// A whole allocation cycle of 350 households through the cyclos adapter, against the Cyclos test
// peer failing one call in five in every way it knows (timeouts before and after the commit,
// answers lost after the commit, 500s, a proxy's HTML 503, broken bodies, expired sessions), on
// member lookups, account openings, payments and searches alike. The host's own loop (dispatch,
// janitor, dispatch again) must end with exactly one payment per household and nothing else.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cycle/allocation_cycle.hpp"
#include "cycle/plugin_ports.hpp"
#include "cycle_fakes.hpp"
#include "cyclos_adapter_fixture.hpp"
#include "pg_test_env.hpp"
#include "store/migrations.hpp"

namespace caisse::host::plugins {
namespace {

using caisse::testing::cyclos::Fault;
using caisse::testing::cyclos::RouteKind;
using cycle::AllocationCycle;
using cycle::CycleState;
using cycle::LineStatus;

class CyclosCycle : public CyclosAdapterFixture {};

TEST_F(CyclosCycle, ThreeHundredFiftyHouseholdsOneFailingCallInFiveExactlyOnePaymentEach) {
  constexpr int kHouseholds = 350;
  auto db = store::PgConnection::connect(caisse::testing::fresh_database("cyclos_cycle"));
  ASSERT_TRUE(db.ok()) << db.error().message;
  ASSERT_TRUE(store::migrate(*db, store::builtin_migrations()).ok());

  // Half the households already have a Cyclos account; the adapter opens the others.
  std::vector<cycle::Household> households;
  for (int i = 1; i <= kHouseholds; ++i) {
    const std::string id = "H-" + std::to_string(1000 + i);
    households.push_back(
        {id, 1 + static_cast<std::uint32_t>(i % 3), static_cast<std::uint32_t>(i % 4)});
    if (i % 2 == 0) peer().add_user(id, "consumers", id);
  }
  cycle::VectorHouseholds source(households);
  cycle::PerPersonRule rule{5000};
  cycle::TableLedger ledger(*db);
  auto adapter = instance({{"member_group", std::string("consumers")},
                           {"timeout_ms", std::int64_t{150}},
                           {"page_size", std::int64_t{20}}});
  cycle::PluginCurrencyGateway gateway(*adapter);
  AllocationCycle allocation("nantes-ouest", "MNK", 2, *db);
  const Month month{2026, 11};
  auto computed = allocation.compute(month, "alice", source, rule, ledger);
  ASSERT_TRUE(computed.ok()) << computed.error().message;
  ASSERT_TRUE(allocation.approve(month, "bob").ok());
  ledger.funds = computed->total_minor;
  ASSERT_TRUE(allocation.fund(month, ledger).ok());

  server_->random_faults(
      20, 20261124,
      {Fault::timeout_before_commit, Fault::timeout_after_commit, Fault::drop_after_commit,
       Fault::error_500, Fault::html_503, Fault::malformed_after_commit, Fault::logged_out});

  // What the daemon does: dispatch, then the janitor asks about what is unknown, and the next
  // dispatch sends what never arrived. The clock moves past lost_after between rounds.
  CycleState state = CycleState::funded;
  int rounds = 0;
  for (; rounds < 40 && state != CycleState::settled; ++rounds) {
    auto dispatched = allocation.dispatch(month, gateway, ledger, 100);
    ASSERT_TRUE(dispatched.ok()) << dispatched.error().message;
    auto reconciled = allocation.reconcile(month, gateway, ledger, 100);
    ASSERT_TRUE(reconciled.ok()) << reconciled.error().message;
    state = reconciled->state;
    services_.clock_ms += 1'000'000;
  }
  ASSERT_EQ(state, CycleState::settled) << "after " << rounds << " rounds";

  // Faults really happened, of every kind.
  EXPECT_GE(server_->faults_injected(), 100u);
  for (Fault fault :
       {Fault::timeout_before_commit, Fault::timeout_after_commit, Fault::drop_after_commit,
        Fault::error_500, Fault::html_503, Fault::malformed_after_commit, Fault::logged_out}) {
    EXPECT_GT(server_->faults_injected(fault), 0u) << caisse::testing::cyclos::to_string(fault);
  }

  // Exactly one payment per household, of its amount, and no other payment.
  std::map<std::string, std::int64_t> paid;
  for (const auto& transfer : peer().transfers()) {
    ASSERT_EQ(transfer.type, "debit.toUser");
    const std::string& operation = transfer.custom_values.at("caisse_operation");
    EXPECT_TRUE(paid.emplace(operation, transfer.amount_minor).second)
        << "paid twice: " << operation;
  }
  EXPECT_EQ(paid.size(), static_cast<std::size_t>(kHouseholds));
  std::int64_t total = 0;
  for (const cycle::Household& h : households) {
    const auto found = paid.find(operation(h.id));
    ASSERT_NE(found, paid.end()) << h.id;
    EXPECT_EQ(found->second, 5000 * (h.adults + h.children)) << h.id;
    total += found->second;
  }
  // Every account opened once, and the books agree with Cyclos.
  EXPECT_EQ(peer().users().size(), static_cast<std::size_t>(kHouseholds));
  EXPECT_EQ(total, computed->total_minor);
  EXPECT_EQ(ledger.issued(), total);
  auto summary = allocation.summary(month);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->by_status[LineStatus::succeeded].lines,
            static_cast<std::uint64_t>(kHouseholds));
}

}  // namespace
}  // namespace caisse::host::plugins
