// The file_exchange adapter loaded as in production (the real loader and host callbacks), driven
// through files in temporary folders, alone and inside a whole allocation cycle.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cycle/allocation_cycle.hpp"
#include "cycle/plugin_ports.hpp"
#include "cycle_fakes.hpp"
#include "fake_plugin_services.hpp"
#include "pg_test_env.hpp"
#include "plugins/plugin_loader.hpp"
#include "store/migrations.hpp"
#include "temp_dir.hpp"

namespace caisse::host::cycle {
namespace {

using plugins::Outcome;
using ::testing::HasSubstr;

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

class FileExchangeTest : public ::testing::Test {
 protected:
  FileExchangeTest() {
    std::filesystem::create_directories(outbox());
    std::filesystem::create_directories(inbox());
  }

  std::filesystem::path outbox() const { return dir_.path() / "outbox"; }
  std::filesystem::path inbox() const { return dir_.path() / "inbox"; }
  std::filesystem::path credits() const { return outbox() / "credits.csv"; }

  Result<std::unique_ptr<plugins::PluginInstance>> create(std::string outbox_dir) {
    auto loaded = plugins::load_plugin({"file_exchange", {CAISSE_PLUGIN_DIR}, std::nullopt});
    if (!loaded) return loaded.error();
    config::ResolvedPluginConfig config;
    config.values["outbox_dir"] = {std::move(outbox_dir), false};
    config.values["inbox_dir"] = {inbox().string(), false};
    config.values["credit_file"] = {std::string("credits.csv"), false};
    config.values["minor_unit"] = {std::int64_t{2}, false};
    return plugins::PluginInstance::create(*loaded, "nantes-ouest", "moneko", std::move(config),
                                           services_);
  }

  std::unique_ptr<plugins::PluginInstance> adapter() {
    auto created = create(outbox().string());
    if (!created) throw std::runtime_error(created.error().message);
    return std::move(created.value());
  }

  static plugins::CreditLine line(const std::string& household, std::int64_t amount) {
    return {"alloc/nantes-ouest/2026-11/" + household,
            household,
            {amount, "MNK"},
            "Allocation 2026-11"};
  }

  caisse::testing::TempDir dir_;
  plugins::FakePluginServices services_;
};

TEST_F(FileExchangeTest, CreditWritesEachLineOnceAndAnswersPending) {
  auto fx = adapter();
  auto first = fx->credit({line("H-1", 20000), line("H-2", 10000)});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ((*first)[0].outcome, Outcome::pending);
  ASSERT_TRUE(fx->credit({line("H-2", 10000), line("H-3", 5)}).ok());
  EXPECT_EQ(read(credits()),
            "operation_id;household_id;amount;currency;description\n"
            "alloc/nantes-ouest/2026-11/H-1;H-1;200.00;MNK;Allocation 2026-11\n"
            "alloc/nantes-ouest/2026-11/H-2;H-2;100.00;MNK;Allocation 2026-11\n"
            "alloc/nantes-ouest/2026-11/H-3;H-3;0.05;MNK;Allocation 2026-11\n");
}

TEST_F(FileExchangeTest, StatusFollowsTheConfirmationFiles) {
  auto fx = adapter();
  ASSERT_TRUE(fx->credit({line("H-1", 20000), line("H-2", 10000)}).ok());
  EXPECT_EQ(fx->status("alloc/nantes-ouest/2026-11/H-1")->outcome, Outcome::pending);
  EXPECT_EQ(fx->status("alloc/nantes-ouest/2026-11/H-9")->outcome, Outcome::not_sent);
  write(inbox() / "moneko-2026-11.csv",
        "\xEF\xBB\xBFoperation_id;status;reference;message\n"
        "alloc/nantes-ouest/2026-11/H-1;OK;MNK-1;\n"
        "alloc/nantes-ouest/2026-11/H-2;REJECTED;;\"compte clôturé; voir mail\"\n");
  auto credited = fx->status("alloc/nantes-ouest/2026-11/H-1");
  EXPECT_EQ(credited->outcome, Outcome::succeeded);
  EXPECT_EQ(credited->external_ref, "MNK-1");
  auto declined = fx->status("alloc/nantes-ouest/2026-11/H-2");
  EXPECT_EQ(declined->outcome, Outcome::declined);
  EXPECT_EQ(declined->message, "compte clôturé; voir mail");
}

TEST_F(FileExchangeTest, MalformedConfirmationNamesFileAndLine) {
  auto fx = adapter();
  write(inbox() / "bad.csv",
        "operation_id;status;reference;message\nalloc/x;OK;r;\nalloc/y;MAYBE;;\n");
  auto answer = fx->status("alloc/x");
  ASSERT_FALSE(answer.ok());
  EXPECT_THAT(answer.error().message, HasSubstr("bad.csv:3: status: \"MAYBE\" is not a status of "
                                                "the mapping (credited: OK; rejected: REJECTED)"));
}

TEST_F(FileExchangeTest, ContradictingConfirmationsAreRefused) {
  auto fx = adapter();
  write(inbox() / "a.csv", "operation_id;status;reference;message\nalloc/x;OK;r;\n");
  write(inbox() / "b.csv", "operation_id;status;reference;message\nalloc/x;REJECTED;;\n");
  auto answer = fx->status("alloc/x");
  ASSERT_FALSE(answer.ok());
  EXPECT_THAT(answer.error().message, HasSubstr("b.csv:2: contradicts a.csv:2 for alloc/x"));
}

TEST_F(FileExchangeTest, TornLastLineIsReplacedNotKept) {
  auto fx = adapter();
  ASSERT_TRUE(fx->credit({line("H-1", 100)}).ok());
  std::ofstream(credits(), std::ios::app) << "alloc/nantes-ouest/2026-11/H-2;H-2;1";  // cut short
  EXPECT_EQ(fx->status("alloc/nantes-ouest/2026-11/H-2")->outcome, Outcome::not_sent);
  ASSERT_TRUE(fx->credit({line("H-2", 100)}).ok());
  EXPECT_EQ(read(credits()),
            "operation_id;household_id;amount;currency;description\n"
            "alloc/nantes-ouest/2026-11/H-1;H-1;1.00;MNK;Allocation 2026-11\n"
            "alloc/nantes-ouest/2026-11/H-2;H-2;1.00;MNK;Allocation 2026-11\n");
}

// The adapter reads only what was added since its last look, so it must still see lines written
// by someone else (a previous daemon run), count lines right for its messages, and read a
// replaced file from the start.
TEST_F(FileExchangeTest, LinesAppendedBySomeoneElseAreSeen) {
  auto fx = adapter();
  ASSERT_TRUE(fx->credit({line("H-1", 100)}).ok());
  std::ofstream(credits(), std::ios::app)
      << "alloc/nantes-ouest/2026-11/H-2;H-2;1.00;MNK;Allocation 2026-11\n";
  EXPECT_EQ(fx->status("alloc/nantes-ouest/2026-11/H-2")->outcome, Outcome::pending);
  ASSERT_TRUE(fx->credit({line("H-2", 100), line("H-3", 100)}).ok());
  EXPECT_EQ(read(credits()),
            "operation_id;household_id;amount;currency;description\n"
            "alloc/nantes-ouest/2026-11/H-1;H-1;1.00;MNK;Allocation 2026-11\n"
            "alloc/nantes-ouest/2026-11/H-2;H-2;1.00;MNK;Allocation 2026-11\n"
            "alloc/nantes-ouest/2026-11/H-3;H-3;1.00;MNK;Allocation 2026-11\n");
}

TEST_F(FileExchangeTest, AForeignLineIsNamedByItsNumber) {
  auto fx = adapter();
  ASSERT_TRUE(fx->credit({line("H-1", 100), line("H-2", 100)}).ok());
  ASSERT_EQ(fx->status("alloc/nantes-ouest/2026-11/H-1")->outcome, Outcome::pending);
  std::ofstream(credits(), std::ios::app) << "alloc/x;H-9;1.00\n";
  auto answer = fx->status("alloc/nantes-ouest/2026-11/H-1");
  ASSERT_FALSE(answer.ok());
  EXPECT_THAT(answer.error().message, HasSubstr("credits.csv: line 4: expected 5 fields"));
  auto refused = fx->credit({line("H-3", 100)});
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(read(credits()), ::testing::Not(HasSubstr("H-3")));
}

TEST_F(FileExchangeTest, AReplacedFileIsReadFromTheStart) {
  auto fx = adapter();
  ASSERT_TRUE(fx->credit({line("H-1", 100), line("H-2", 100)}).ok());
  ASSERT_EQ(fx->status("alloc/nantes-ouest/2026-11/H-1")->outcome, Outcome::pending);
  write(outbox() / "next.csv",
        "operation_id;household_id;amount;currency;description\n"
        "alloc/nantes-ouest/2026-11/H-2;H-2;1.00;MNK;Allocation 2026-11\n"
        "alloc/nantes-ouest/2026-11/H-5;H-5;1.00;MNK;Allocation 2026-11\n");
  std::filesystem::rename(outbox() / "next.csv", credits());
  EXPECT_EQ(fx->status("alloc/nantes-ouest/2026-11/H-1")->outcome, Outcome::not_sent);
  EXPECT_EQ(fx->status("alloc/nantes-ouest/2026-11/H-5")->outcome, Outcome::pending);
}

TEST_F(FileExchangeTest, MissingFolderIsRefusedAtStart) {
  auto created = create((dir_.path() / "nope").string());
  ASSERT_FALSE(created.ok());
  EXPECT_THAT(created.error().message, HasSubstr("outbox_dir"));
  EXPECT_THAT(created.error().message, HasSubstr("is not a folder"));
}

// Compute, approve, fund, dispatch into the credit file, then the operator's confirmation
// settles the cycle; dropping the same confirmation again changes nothing.
TEST_F(FileExchangeTest, FileModeCycleRoundTrips) {
  auto db = store::PgConnection::connect(caisse::testing::fresh_database("file_cycle"));
  ASSERT_TRUE(db.ok()) << db.error().message;
  ASSERT_TRUE(store::migrate(*db, store::builtin_migrations()).ok());
  TableLedger ledger(*db);
  VectorHouseholds households{{{"H-1", 1, 0}, {"H-2", 2, 1}}};
  PerPersonRule rule{5000};
  auto fx = adapter();
  PluginCurrencyGateway gateway(*fx);
  AllocationCycle cycle("nantes-ouest", "MNK", 2, *db);
  const Month month{2026, 11};
  ASSERT_TRUE(cycle.compute(month, "alice", households, rule, ledger).ok());
  ASSERT_TRUE(cycle.approve(month, "bob").ok());
  ledger.funds = 20000;
  ASSERT_TRUE(cycle.fund(month, ledger).ok());
  auto dispatched = cycle.dispatch(month, gateway, ledger);
  ASSERT_TRUE(dispatched.ok()) << dispatched.error().message;
  EXPECT_EQ(dispatched->state, CycleState::dispatched);
  EXPECT_EQ(dispatched->by_status[LineStatus::pending].lines, 2u);
  EXPECT_THAT(read(credits()), HasSubstr("alloc/nantes-ouest/2026-11/H-2;H-2;150.00;MNK"));

  const std::string confirmation =
      "operation_id;status;reference;message\n"
      "alloc/nantes-ouest/2026-11/H-1;OK;MNK-1;\n"
      "alloc/nantes-ouest/2026-11/H-2;OK;MNK-2;\n";
  write(inbox() / "confirm.csv", confirmation);
  auto settled = cycle.reconcile(month, gateway, ledger);
  ASSERT_TRUE(settled.ok()) << settled.error().message;
  EXPECT_EQ(settled->state, CycleState::settled);
  EXPECT_EQ(ledger.issued(), 20000);

  write(inbox() / "confirm-again.csv", confirmation);
  auto again = cycle.reconcile(month, gateway, ledger);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->state, CycleState::settled);
  EXPECT_EQ(again->by_status[LineStatus::succeeded].lines, 2u);
  EXPECT_EQ(ledger.issued(), 20000);
}

}  // namespace
}  // namespace caisse::host::cycle
