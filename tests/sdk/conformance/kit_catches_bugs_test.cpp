// The kit is only worth something if it fails for real adapter bugs. Each test runs one scenario
// on a deliberately broken plugin with the scenario's failures captured, and checks that the
// failure names the bug. The broken plugins are ledger_currency.cpp built with one KIT_BUG_*,
// sloppy_c_currency.c, and tests/host/plugins' http_currency, which turns a 5xx into DECLINED.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <caisse/testing/currency_conformance.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ledger_target.hpp"

namespace {

namespace kit = caisse::testing::currency_conformance;
using caisse::testing::CurrencyConformanceTarget;
using caisse::testing::Request;
using caisse::testing::Response;

struct Captured {
  std::vector<std::string> failures;
  bool skipped = false;

  // Whether one failure mentions every piece.
  bool mentions(std::initializer_list<std::string_view> pieces) const {
    for (const std::string& failure : failures) {
      bool all = true;
      for (std::string_view piece : pieces) all = all && failure.find(piece) != std::string::npos;
      if (all) return true;
    }
    return false;
  }

  std::string all() const {
    std::string out = std::to_string(failures.size()) + " failure(s)";
    for (const std::string& failure : failures) out += "\n---\n" + failure;
    return out;
  }
};

// Runs a scenario with its test-part results intercepted instead of reported.
Captured capture(const std::function<void()>& scenario) {
  ::testing::TestPartResultArray results;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
    scenario();
  }
  Captured captured;
  for (int i = 0; i < results.size(); ++i) {
    const ::testing::TestPartResult& result = results.GetTestPartResult(i);
    if (result.failed()) captured.failures.emplace_back(result.message());
    if (result.skipped()) captured.skipped = true;
  }
  return captured;
}

CurrencyConformanceTarget ledger_build(const char* name) {
  return caisse::testing::ledger::make_ledger_target(std::string(KIT_PLUGIN_DIR "/") + name +
                                                     ".so");
}
CurrencyConformanceTarget optimist() {
  return ledger_build("optimist_currency");
}
CurrencyConformanceTarget resending() {
  return ledger_build("resending_currency");
}
CurrencyConformanceTarget first_page() {
  return ledger_build("first_page_currency");
}
CurrencyConformanceTarget kv_trusting() {
  return ledger_build("kv_trusting_currency");
}

// A journal of operation ids, one per line, for the C plugin.
CurrencyConformanceTarget sloppy_c() {
  auto dir = std::make_shared<caisse::testing::ScratchDir>();
  const std::filesystem::path journal = dir->path() / "journal";
  CurrencyConformanceTarget target;
  target.plugin_path = KIT_PLUGIN_DIR "/sloppy_c_currency.so";
  target.config = {{"journal", journal.string()}};
  target.effects = [dir, journal](std::string_view operation_id) {
    std::ifstream in(journal);
    std::size_t applied = 0;
    for (std::string entry; std::getline(in, entry);) applied += entry == operation_id ? 1 : 0;
    return applied;
  };
  return target;
}

// http_currency's peer: POST /credits applies the operation id in the body (no deduplication),
// GET /credits/<id> says whether it was applied.
class CreditsPeer {
 public:
  Response handle(const Request& request) {
    if (request.method == "POST" && request.target == "/credits") {
      ++applied_[request.body];
      return {201, {{"X-Peer", "credited"}}, "R-" + std::to_string(++next_)};
    }
    if (request.method == "GET" && request.target.starts_with("/credits/")) {
      if (applied_.count(request.target.substr(9)) == 0) return {404, {}, "no such credit"};
      return {200, {{"X-Peer", "found"}}, "R-found"};
    }
    return {404, {}, "no such resource"};
  }
  std::size_t applied(std::string_view operation_id) const {
    auto found = applied_.find(std::string(operation_id));
    return found == applied_.end() ? 0 : found->second;
  }

 private:
  std::map<std::string, std::size_t> applied_;
  int next_ = 0;
};

CurrencyConformanceTarget http_currency() {
  auto peer = std::make_shared<CreditsPeer>();
  CurrencyConformanceTarget target;
  target.plugin_path = HTTP_CURRENCY_SO;
  target.config = {{"endpoint", "http://credits.test"}};
  target.backend = [peer](const Request& request) { return peer->handle(request); };
  target.effects = [peer](std::string_view operation_id) { return peer->applied(operation_id); };
  return target;
}

CurrencyConformanceTarget good_ledger_with_a_typo() {
  CurrencyConformanceTarget target = ledger_build("ledger_currency");
  target.config["page_sise"] = 20;
  return target;
}

CurrencyConformanceTarget journal_without_backend() {
  CurrencyConformanceTarget target = sloppy_c();
  target.backend = nullptr;
  return target;
}

TEST(ConformanceKit, CatchesSucceededForACreditTheBackendRefused) {
  const Captured captured = capture([] { kit::happy_path(optimist); });
  EXPECT_TRUE(captured.mentions({"credit answered SUCCEEDED for alloc/conformance/2026-11/H-CLOSED",
                                 "the backend never applied it"}))
      << captured.all();
}

TEST(ConformanceKit, CatchesAResendAfterALostAnswer) {
  const Captured captured = capture([] { kit::lost_answer(resending); });
  EXPECT_TRUE(captured.mentions({"the backend applied", "2 times"})) << captured.all();
}

TEST(ConformanceKit, RetriesCatchAResendAfterALostAnswer) {
  const Captured captured = capture([] { kit::retries_after_faults(resending); });
  EXPECT_TRUE(captured.mentions({"fault lose_answer on HTTP call", "2 times"})) << captured.all();
}

TEST(ConformanceKit, CatchesALookupThatStopsAtTheFirstPage) {
  const Captured captured = capture([] { kit::paging(first_page); });
  EXPECT_TRUE(captured.mentions({"answered NOT_SENT", "but the backend applied it 1 time(s)"}))
      << captured.all();
}

TEST(ConformanceKit, CatchesAnAdapterThatTrustsTheStateStoreOverTheBackend) {
  const Captured captured = capture([] { kit::state_store_unavailable(kv_trusting); });
  EXPECT_TRUE(captured.mentions(
      {"the state store fails its call", "status answered NOT_SENT", "but the backend applied it"}))
      << captured.all();
}

TEST(ConformanceKit, CatchesResultStringsLeftOnTheHooksStack) {
  const Captured captured = capture([] { kit::happy_path(sloppy_c); });
  EXPECT_TRUE(captured.mentions({"credit", "changed after the hook returned"})) << captured.all();
}

TEST(ConformanceKit, CatchesAFailureWithoutSetError) {
  const Captured captured = capture([] { kit::abi_hygiene(sloppy_c); });
  EXPECT_TRUE(captured.mentions({"returned UNAVAILABLE without calling caisse_host_set_error"}))
      << captured.all();
}

TEST(ConformanceKit, CatchesHttpCurrencyDecliningACreditAfterA5xx) {
  const Captured captured = capture([] { kit::malformed_answers(http_currency); });
  EXPECT_TRUE(captured.mentions({"server_error_after_delivery", "credit answered DECLINED",
                                 "but the backend applied it 1 time(s)"}))
      << captured.all();
}

TEST(ConformanceKit, ReportsAConfigKeyTheSchemaDoesNotDeclare) {
  const Captured captured = capture([] { kit::happy_path(good_ledger_with_a_typo); });
  EXPECT_TRUE(captured.mentions({"the conformance target is unusable",
                                 "config key \"page_sise\" is not in the plugin's schema"}))
      << captured.all();
}

TEST(ConformanceKit, SkipsFaultScenariosForATargetWithoutBackend) {
  for (auto scenario : {&kit::retries_after_faults, &kit::lost_answer, &kit::malformed_answers}) {
    const Captured captured = capture([&] { scenario(journal_without_backend); });
    EXPECT_TRUE(captured.skipped);
    EXPECT_TRUE(captured.failures.empty()) << captured.all();
  }
}

}  // namespace
