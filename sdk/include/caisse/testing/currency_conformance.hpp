// caisse/testing/currency_conformance.hpp: the conformance kit for CURRENCY plugins. It loads an
// adapter's .so in a fake host (caisse/testing/fake_host.hpp), sends its HTTP calls to the
// author's emulator of the peer through a fault injector (caisse/testing/scripted_transport.hpp),
// drives it as the daemon's dispatch and janitor do, and fails a GoogleTest test for each
// promise the adapter breaks. An author describes the adapter once and registers the suite:
//
//   #include <caisse/testing/currency_conformance.hpp>
//
//   caisse::testing::CurrencyConformanceTarget make_target() {
//     auto peer = std::make_shared<MyPeerEmulator>();
//     caisse::testing::CurrencyConformanceTarget target;
//     target.plugin_path = MY_ADAPTER_SO;
//     target.config = {{"base_url", "https://peer.test"}, {"api_token", "t0ken-for-tests"}};
//     target.backend = [peer](const caisse::testing::Request& r) { return peer->handle(r); };
//     target.effects = [peer](std::string_view op) { return peer->times_applied(op); };
//     return target;
//   }
//   CAISSE_CURRENCY_CONFORMANCE(MyAdapter, make_target)
//
// The promises checked, in every scenario and at every answer:
//   * SUCCEEDED only for an operation the backend applied; DECLINED and NOT_SENT only for one
//     it did not (NOT_SENT lets the host send the line again);
//   * no operation applied twice, whatever faults happened and however the host retried;
//   * every line ends SUCCEEDED (or DECLINED, for the household the backend refuses) once the
//     faults stop: status() finds what the backend did;
//   * the ABI: a defined status, caisse_host_set_error before a non-OK one, a message for
//     UNKNOWN and DECLINED results, result strings that outlive the hook, no secret in a log
//     line or a message, callbacks used as documented.
// The guide is docs/sdk.md, "Run the conformance kit on your currency plugin".
#pragma once

#include <gtest/gtest.h>

#include <caisse/sdk.h>
#include <caisse/testing/fake_host.hpp>
#include <caisse/testing/scripted_transport.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::testing {

// What the kit needs to know about one adapter. make_target() builds a fresh one for every run
// (a fresh backend, fresh folders), so that runs do not see each other's operations.
struct CurrencyConformanceTarget {
  // The adapter's shared object (in CMake, $<TARGET_FILE:my_adapter>). Its file name must be
  // the descriptor's name plus ".so", as the daemon requires.
  std::string plugin_path;
  // The instance's [plugin.config], secrets given resolved; the schema's defaults fill the rest.
  Config config;
  // The emulator of the adapter's peer: every caisse_host_http_send reaches it through the
  // fault injector. Null for an adapter that uses no HTTP (a file adapter): the scenarios that
  // inject HTTP faults are then skipped.
  Backend backend;
  // Required. How many times the backend really applied this operation (credited the
  // household): 0 or 1 for a correct adapter, whatever the faults.
  std::function<std::size_t(std::string_view operation_id)> effects;
  // Optional. Makes the backend settle what waits (a file adapter's operator writes the
  // confirmation file). The kit calls it after each dispatch; null when answers are final at once.
  std::function<void()> settle_pending;
  // Optional. Adds n operations unrelated to the kit's at the backend, enough to push one past
  // the first page of the adapter's lookup. Null: the paging scenario is skipped.
  std::function<void(std::size_t n)> add_noise;
  // How many unrelated operations add_noise is asked for: more than a page of the lookup.
  std::size_t noise = 250;
  // The households the backend knows; every batch credits each of them once.
  std::vector<std::string> households{"H-0001", "H-0002", "H-0003"};
  // A household whose credits the backend refuses (a closed account), or empty for none. Its
  // line must end DECLINED with no effect.
  std::string declined_household;
  // The currency of the lines, as the caisse configures it.
  std::string currency = "EUR";
  // Where the fake host clock starts (ms since the epoch, UTC); it moves 5 minutes per round of
  // the host. An emulator that stamps operations reads it from Request::sent_at_ms.
  std::int64_t start_ms = FakeClock::kDefaultStartMs;
};

using CurrencyTargetFactory = std::function<CurrencyConformanceTarget()>;

namespace currency_conformance {
namespace detail {

inline constexpr std::size_t kMaxRounds = 8;                // host rounds before "never settles"
inline constexpr std::int64_t kRoundGapMs = 5 * 60 * 1000;  // the janitor's period
inline constexpr std::size_t kMaxShown = 6;                 // violations shown per scenario
inline constexpr std::size_t kMaxRunsPerFault = 40;
inline constexpr const char* kOperationPrefix = "alloc/conformance/2026-11/";

enum class State { not_sent, unknown, pending, succeeded, declined };

inline const char* state_name(State state) {
  switch (state) {
    case State::not_sent:
      return "NOT_SENT";
    case State::unknown:
      return "UNKNOWN";
    case State::pending:
      return "PENDING";
    case State::succeeded:
      return "SUCCEEDED";
    case State::declined:
      return "DECLINED";
  }
  return "?";
}

inline bool is_final(State state) {
  return state == State::succeeded || state == State::declined;
}

// How the host reads an outcome: one it does not know is UNKNOWN.
inline State state_of(int outcome) {
  switch (outcome) {
    case CAISSE_OUTCOME_SUCCEEDED:
      return State::succeeded;
    case CAISSE_OUTCOME_PENDING:
      return State::pending;
    case CAISSE_OUTCOME_DECLINED:
      return State::declined;
    case CAISSE_OUTCOME_NOT_SENT:
      return State::not_sent;
    default:
      return State::unknown;
  }
}

// One line of the cycle as the host tracks it.
struct Line {
  CreditLine credit;
  bool refused = false;  // the target's declined_household: must end DECLINED
  State state = State::not_sent;
  std::string message;  // the adapter's last message about it
};

// A scenario's violations: each is a test failure, up to kMaxShown; the rest are counted.
class Verdict {
 public:
  explicit Verdict(std::string scenario) : scenario_(std::move(scenario)) {}
  ~Verdict() {
    if (count_ > kMaxShown) {
      ADD_FAILURE() << scenario_ << ": " << count_ - kMaxShown
                    << " more violation(s) not shown; the scenario stopped early";
    }
  }
  Verdict(const Verdict&) = delete;
  Verdict& operator=(const Verdict&) = delete;

  // `what` is the violation, `context` where it happened. The same violation seen again in
  // another run is counted, not shown again, and does not stop the scenario.
  void fail(const std::string& what, const std::string& context = {}) {
    if (!seen_.insert(what).second) return;
    if (++count_ <= kMaxShown) ADD_FAILURE() << scenario_ << ": " << what << context;
  }
  // The target itself is unusable (a config the schema refuses, a plugin that does not load):
  // the scenario stops.
  void target_error(const std::string& what) {
    broken_ = true;
    fail("the conformance target is unusable: " + what);
  }
  bool stop() const { return broken_ || count_ >= kMaxShown; }

 private:
  std::string scenario_;
  std::size_t count_ = 0;
  bool broken_ = false;
  std::set<std::string> seen_;
};

// One fresh target, loaded in one fake host, with one live instance.
class Run {
 public:
  Run(const CurrencyTargetFactory& make_target, std::string label, Verdict& verdict)
      : label_(std::move(label)), verdict_(verdict) {
    if (const std::string error = load(make_target); !error.empty()) {
      verdict_.target_error(error + " (run: " + label_ + ")");
      driver_.reset();
    }
  }
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;

  // caisse_on_instance_init. A failure is a violation unless tolerated (the state store is
  // down): then init is tried once more, as the daemon does on its next start.
  bool start(bool tolerate_one_failure = false) {
    if (!driver_) return false;
    HookCall call = driver_->init();
    report(call, "init");
    if (!call.ok() && tolerate_one_failure) {
      host_->set_kv_available(true);
      call = driver_->init();
      report(call, "init (again)");
    }
    if (!call.ok()) {
      violation("caisse_on_instance_init returned " + status_name(call.status) + ": " + call.error);
      return false;
    }
    return true;
  }

  // The daemon restarts: the instance is destroyed and created again; the state store and the
  // backend keep what they hold.
  bool restart() {
    driver_->destroy();
    return start();
  }

  // Whether the target loaded (the plugin, its host, a valid config); start() needs it.
  bool loaded() const { return driver_ != nullptr; }
  const std::string& label() const { return label_; }
  CurrencyConformanceTarget& target() { return target_; }
  ScriptedTransport& transport() { return *transport_; }
  FakeHost& host() { return *host_; }
  FakeClock& clock() { return clock_; }
  const PluginLibrary& library() const { return *library_; }

  // One line per household the backend knows, then one for the household it refuses.
  std::vector<Line> make_lines() {
    std::vector<Line> lines;
    std::vector<std::pair<std::string, bool>> households;
    for (const auto& household : target_.households) households.emplace_back(household, false);
    if (!target_.declined_household.empty()) {
      households.emplace_back(target_.declined_household, true);
    }
    for (std::size_t i = 0; i < households.size(); ++i) {
      Line line;
      line.credit = {kOperationPrefix + households[i].first, households[i].first,
                     static_cast<std::int64_t>(15000 + 2500 * i), target_.currency,
                     "Allocation 2026-11"};
      line.refused = households[i].second;
      track(line.credit.operation_id);
      lines.push_back(std::move(line));
    }
    return lines;
  }

  // An operation id this run never sends.
  std::string never_sent() {
    std::string id = std::string(kOperationPrefix) + "NEVER-SENT";
    track(id);
    return id;
  }

  HookCall credit(const std::vector<CreditLine>& lines) {
    HookCall call = driver_->credit(lines);
    report(call, "credit");
    return call;
  }
  HookCall status(const std::string& operation_id) {
    HookCall call = driver_->status(operation_id);
    report(call, "status(" + operation_id + ")");
    return call;
  }

  // What the backend says it applied; a target whose effects() throws is unusable.
  std::size_t effects(const std::string& operation_id) {
    try {
      return target_.effects(operation_id);
    } catch (const std::exception& e) {
      verdict_.target_error("effects(" + operation_id + ") threw: " + e.what());
    } catch (...) {
      verdict_.target_error("effects(" + operation_id + ") threw");
    }
    return 0;
  }

  void settle() {
    if (!target_.settle_pending) return;
    try {
      target_.settle_pending();
    } catch (const std::exception& e) {
      verdict_.target_error("settle_pending threw: " + std::string(e.what()));
    }
  }

  void add_noise() {
    try {
      target_.add_noise(target_.noise);
    } catch (const std::exception& e) {
      verdict_.target_error("add_noise threw: " + std::string(e.what()));
    }
  }

  // Checks one answer about a line against what the backend did, then moves the line as the
  // host does (a final line never changes again).
  void answer(Line& line, int outcome, const std::string& message, const std::string& hook) {
    const std::string& op = line.credit.operation_id;
    const std::size_t applied = effects(op);
    const std::string said = hook + " answered " + outcome_name(outcome) + " for " + op;
    if (outcome == CAISSE_OUTCOME_SUCCEEDED && applied == 0) {
      violation(said +
                ", but the backend never applied it: the household is recorded as "
                "credited and is not");
    } else if (outcome == CAISSE_OUTCOME_NOT_SENT && applied > 0) {
      violation(said + ", but the backend applied it " + std::to_string(applied) +
                " time(s): NOT_SENT tells the host it may send the line again, which credits "
                "the household twice");
    } else if (outcome == CAISSE_OUTCOME_DECLINED && applied > 0) {
      violation(said + ", but the backend applied it " + std::to_string(applied) +
                " time(s): the household was credited while the host records a refusal");
    }
    if (!is_final(line.state)) {
      line.state = state_of(outcome);
      line.message = message;
    }
  }

  // Every operation applied at most once; each excess is reported once.
  void check_at_most_once() {
    for (const std::string& op : ops_) {
      const std::size_t applied = effects(op);
      if (applied > 1 && twice_.insert(op).second) {
        violation("the backend applied " + op + " " + std::to_string(applied) +
                  " times: the household was credited " + std::to_string(applied) + " times");
      }
    }
  }

  // Every line final: SUCCEEDED with one effect, or DECLINED with none for the refused one.
  void expect_settled(const std::vector<Line>& lines, const std::string& when) {
    for (const Line& line : lines) {
      const std::string& op = line.credit.operation_id;
      const std::size_t applied = effects(op);
      if (!is_final(line.state)) {
        const bool needs_settling = line.state == State::pending && !target_.settle_pending;
        violation(op + " is still " + state_name(line.state) + " " + when + " (\"" + line.message +
                  "\"): " +
                  (needs_settling
                       ? "if the backend confirms credits later (a file, a back office), give "
                         "the target a settle_pending that makes it confirm"
                       : "status() must find what the backend did, and NOT_SENT must mean it "
                         "never arrived"));
      } else if (line.refused && line.state != State::declined) {
        violation(op + " ended " + state_name(line.state) + " " + when +
                  ", but the backend refuses household " + line.credit.household_id);
      } else if (!line.refused && line.state == State::declined) {
        violation(op + " ended DECLINED (\"" + line.message + "\") " + when +
                  ", but the backend accepts household " + line.credit.household_id +
                  ": a fault the peer recovers from must not decline a credit for good");
      } else if (line.state == State::succeeded && applied != 1) {
        violation(op + " ended SUCCEEDED " + when + " with " + std::to_string(applied) +
                  " effect(s) at the backend instead of exactly 1");
      }
    }
  }

  void violation(const std::string& what) {
    std::string context = "\n  run: " + label_;
    if (transport_ && transport_->calls() > 0) {
      context += "\n  HTTP calls of this run:\n" + transport_->transcript();
    }
    if (host_ && !host_->logs().empty()) {
      const auto& logs = host_->logs();
      const std::size_t from = logs.size() > 4 ? logs.size() - 4 : 0;
      context += "\n  the plugin's last log lines:";
      for (std::size_t i = from; i < logs.size(); ++i) context += "\n    " + logs[i].message;
    }
    verdict_.fail(what, context);
  }

  Verdict& verdict() { return verdict_; }

 private:
  // Builds the target and everything around it; the reason it is unusable, or empty.
  std::string load(const CurrencyTargetFactory& make_target) {
    try {
      target_ = make_target();
    } catch (const std::exception& e) {
      return "make_target threw: " + std::string(e.what());
    }
    if (target_.plugin_path.empty()) return "plugin_path is empty";
    if (!target_.effects) return "effects is not set (it is required)";
    if (target_.households.empty()) return "households is empty";
    clock_.set(target_.start_ms);
    std::string error;
    library_ = PluginLibrary::shared(target_.plugin_path, error);
    if (!library_) return error;
    const caisse_plugin_t& d = library_->descriptor();
    if (d.abi_major != CAISSE_SDK_ABI_MAJOR || (d.roles & CAISSE_ROLE_CURRENCY) == 0 ||
        d.currency == nullptr) {
      return target_.plugin_path + " is not a currency plugin of ABI major " +
             std::to_string(CAISSE_SDK_ABI_MAJOR);
    }
    transport_ = std::make_unique<ScriptedTransport>(target_.backend);
    transport_->set_commit_probe([this] { return total_effects(); });
    host_ = std::make_unique<FakeHost>(d, target_.config, clock_, transport_.get());
    if (!host_->config_problems().empty()) return "its config: " + host_->config_problems().front();
    driver_ = std::make_unique<CurrencyDriver>(library_, *host_);
    return {};
  }

  void track(const std::string& op) {
    if (std::find(ops_.begin(), ops_.end(), op) == ops_.end()) ops_.push_back(op);
  }

  std::size_t total_effects() {
    std::size_t total = 0;
    for (const std::string& op : ops_) total += effects(op);
    return total;
  }

  // What the host would notice about a call: ABI problems, secrets shown, results without a
  // message, and what the backend threw.
  void report(const HookCall& call, const std::string& what) {
    for (const std::string& problem : call.problems) violation(what + ": " + problem);
    if (call.ok()) {
      for (std::size_t i = 0; i < call.results.size(); ++i) {
        const OperationResult& result = call.results[i];
        if ((result.outcome == CAISSE_OUTCOME_UNKNOWN ||
             result.outcome == CAISSE_OUTCOME_DECLINED) &&
            result.message.empty()) {
          violation(what + ": result " + std::to_string(i) + " is " + outcome_name(result.outcome) +
                    " without a message: the operator cannot tell why");
        }
      }
    }
    for (const std::string& secret : host_->secrets()) {
      auto shows = [&](const std::string& text) { return text.find(secret) != std::string::npos; };
      bool shown = shows(call.error);
      for (const OperationResult& result : call.results) {
        shown = shown || shows(result.message) || shows(result.external_ref);
      }
      for (std::size_t i = logs_checked_; i < host_->logs().size(); ++i) {
        shown = shown || shows(host_->logs()[i].message);
      }
      if (shown) {
        violation(what +
                  ": the value of a SECRET config field appears in a log line, the "
                  "set_error message or a result");
      }
    }
    logs_checked_ = host_->logs().size();
    for (const std::string& error : transport_->take_backend_errors()) {
      verdict_.target_error(error);
    }
    check_at_most_once();
  }

  std::string label_;
  Verdict& verdict_;
  // Destroyed last to first: the instance, its host, the library, the transport, the target
  // (whose backend and folders the instance may use until it is destroyed).
  CurrencyConformanceTarget target_;
  FakeClock clock_;
  std::unique_ptr<ScriptedTransport> transport_;
  std::shared_ptr<PluginLibrary> library_;
  std::unique_ptr<FakeHost> host_;
  std::unique_ptr<CurrencyDriver> driver_;
  std::vector<std::string> ops_;
  std::set<std::string> twice_;
  std::size_t logs_checked_ = 0;
};

// The daemon's allocation cycle in miniature. Each round: the dispatch sends every NOT_SENT line
// in one batch (marking it UNKNOWN first: a crash from then on leaves it UNKNOWN), the backend
// settles, the clock moves on, and the janitor asks status() about every PENDING and UNKNOWN
// line. A line is sent again only while NOT_SENT; a final line never changes.
class HostLoop {
 public:
  HostLoop(Run& run, std::vector<Line>& lines) : run_(run), lines_(lines) {}

  void dispatch() {
    std::vector<Line*> batch;
    std::vector<CreditLine> credits;
    for (Line& line : lines_) {
      if (line.state != State::not_sent) continue;
      line.state = State::unknown;
      batch.push_back(&line);
      credits.push_back(line.credit);
    }
    if (batch.empty()) return;
    last_credit_ = run_.credit(credits);
    for (std::size_t i = 0; i < batch.size() && i < last_credit_.results.size(); ++i) {
      const OperationResult& result = last_credit_.results[i];
      if (last_credit_.ok()) {
        run_.answer(*batch[i], result.outcome, result.message, "credit");
      } else {
        // As the host does: a failed credit leaves every line of its batch UNKNOWN, whatever
        // its result says, and the janitor asks status() about each.
        batch[i]->message = last_credit_.error;
      }
    }
  }

  void settle() {
    run_.settle();
    run_.clock().advance(kRoundGapMs);
  }

  void janitor() {
    for (Line& line : lines_) {
      if (line.state != State::unknown && line.state != State::pending) continue;
      HookCall call = run_.status(line.credit.operation_id);
      if (call.ok() && !call.results.empty()) {
        run_.answer(line, call.results.front().outcome, call.results.front().message, "status");
      } else if (!call.ok()) {
        line.message = call.error;  // the backend cannot say now: asked again next round
      }
    }
  }

  void round() {
    dispatch();
    settle();
    janitor();
  }

  bool done() const {
    return std::all_of(lines_.begin(), lines_.end(),
                       [](const Line& l) { return is_final(l.state); });
  }

  void run(std::size_t rounds = kMaxRounds) {
    for (std::size_t r = 0; r < rounds && !done() && !run_.verdict().stop(); ++r) round();
  }

  const HookCall& last_credit() const { return last_credit_; }

 private:
  Run& run_;
  std::vector<Line>& lines_;
  HookCall last_credit_;
};

inline std::string after_rounds() {
  return "once the host's rounds were over (" + std::to_string(kMaxRounds) + " at most)";
}

// The descriptor and schema checks the daemon makes when it loads a plugin, as sentences.
inline std::vector<std::string> descriptor_problems(const caisse_plugin_t& d,
                                                    const std::string& stem) {
  std::vector<std::string> problems;
  constexpr std::size_t kDescriptorSize_1_0 =
      offsetof(caisse_plugin_t, rule) + sizeof(caisse_plugin_t::rule);
  constexpr std::size_t kCurrencyHooksSize_1_0 =
      offsetof(caisse_currency_hooks_t, caisse_on_currency_status) +
      sizeof(caisse_currency_hooks_t::caisse_on_currency_status);
  if (d.abi_major != CAISSE_SDK_ABI_MAJOR) {
    problems.push_back("abi_major is " + std::to_string(d.abi_major) + ", this SDK's is " +
                       std::to_string(CAISSE_SDK_ABI_MAJOR));
  }
  if (d.abi_minor_required > CAISSE_SDK_ABI_MINOR) {
    problems.push_back("abi_minor_required is " + std::to_string(d.abi_minor_required) +
                       ", newer than this SDK's minor " + std::to_string(CAISSE_SDK_ABI_MINOR));
  }
  if (d.struct_size < kDescriptorSize_1_0) {
    problems.push_back("struct_size " + std::to_string(d.struct_size) +
                       " is smaller than the descriptor's size in ABI 1.0");
    return problems;
  }
  if (d.name == nullptr || !caisse::testing::detail::is_name(d.name, true)) {
    problems.push_back("name must match [a-z0-9_-]+");
  } else if (stem != d.name) {
    problems.push_back(std::string("the descriptor names the plugin \"") + d.name +
                       "\", the file is " + stem + ".so: the daemon refuses it");
  }
  if (d.version == nullptr || *d.version == '\0') problems.push_back("version is empty");
  if (d.description == nullptr || *d.description == '\0') {
    problems.push_back("description is empty");
  }
  if (d.caisse_on_instance_init == nullptr || d.caisse_on_instance_destroy == nullptr) {
    problems.push_back("caisse_on_instance_init or caisse_on_instance_destroy is NULL");
  }
  if ((d.roles & CAISSE_ROLE_CURRENCY) == 0) problems.push_back("roles lacks CURRENCY");
  if ((d.roles & ~static_cast<std::uint32_t>(CAISSE_ROLE_CURRENCY | CAISSE_ROLE_RULE)) != 0) {
    problems.push_back("roles has a role this ABI has no hook table for");
  }
  if (((d.roles & CAISSE_ROLE_RULE) != 0) != (d.rule != nullptr)) {
    problems.push_back("the rule hook table is there if and only if roles has RULE");
  }
  if (d.currency == nullptr) {
    problems.push_back("the currency hook table is NULL");
  } else if (d.currency->struct_size < kCurrencyHooksSize_1_0 ||
             d.currency->caisse_on_currency_credit == nullptr ||
             d.currency->caisse_on_currency_status == nullptr) {
    problems.push_back(
        "the currency hook table is smaller than ABI 1.0's, or credit or status is NULL");
  }
  if (d.config_field_count > 0 && d.config_fields == nullptr) {
    problems.push_back("config_field_count is " + std::to_string(d.config_field_count) +
                       " and config_fields is NULL");
    return problems;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < d.config_field_count; ++i) {
    const caisse_config_field_t& f = d.config_fields[i];
    const std::string name = f.name != nullptr ? f.name : "";
    const std::string where = "config field " + caisse::testing::detail::quoted(name) + ": ";
    if (!caisse::testing::detail::is_name(name, false)) {
      problems.push_back(where + "the name must match [a-z0-9_]+");
    }
    if (!seen.insert(name).second) problems.push_back(where + "declared twice");
    const int type = caisse::testing::detail::raw_value(f.type);
    if (type < CAISSE_CONFIG_TYPE_STRING || type > CAISSE_CONFIG_TYPE_BOOLEAN) {
      problems.push_back(where + "unknown type " + std::to_string(type));
    }
    if ((f.flags & ~static_cast<std::uint32_t>(CAISSE_CONFIG_REQUIRED | CAISSE_CONFIG_SECRET)) !=
        0) {
      problems.push_back(where + "unknown flags");
    }
    if ((f.flags & CAISSE_CONFIG_SECRET) != 0 && type != CAISSE_CONFIG_TYPE_STRING) {
      problems.push_back(where + "SECRET is only for strings");
    }
    if ((f.flags & CAISSE_CONFIG_REQUIRED) != 0 && f.default_value != nullptr) {
      problems.push_back(where + "REQUIRED with a default; a required field has none");
    }
    if (f.default_value != nullptr) {
      const std::string literal = f.default_value;
      bool parses = true;
      if (type == CAISSE_CONFIG_TYPE_BOOLEAN) parses = literal == "true" || literal == "false";
      if (type == CAISSE_CONFIG_TYPE_INTEGER) {
        std::size_t used = 0;
        try {
          (void)std::stoll(literal, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        parses = !literal.empty() && used == literal.size();
      }
      if (!parses) problems.push_back(where + "the default \"" + literal + "\" does not parse");
    }
    if (f.description == nullptr || *f.description == '\0') {
      problems.push_back(where + "no description for `caissectl plugin describe`");
    }
  }
  return problems;
}

// status() of an operation the backend never saw: NOT_SENT (or UNKNOWN), nothing else.
inline void expect_never_sent(Run& run, const std::string& id, const std::string& when) {
  HookCall call = run.status(id);
  if (!call.ok() || call.results.empty()) return;  // "cannot say now" is honest
  const int outcome = call.results.front().outcome;
  if (outcome != CAISSE_OUTCOME_NOT_SENT && outcome != CAISSE_OUTCOME_UNKNOWN) {
    run.violation("status(" + id + ") " + when + " answered " + outcome_name(outcome) +
                  " for an operation that was never sent; expected NOT_SENT (or UNKNOWN)");
  }
  run.check_at_most_once();
}

}  // namespace detail

// 1. No fault: each line is SUCCEEDED or PENDING at once, SUCCEEDED after settle_pending and
// status(), applied exactly once (the refused household's line DECLINED, never applied).
inline void happy_path(const CurrencyTargetFactory& make_target) {
  using namespace detail;
  Verdict verdict("happy path");
  Run run(make_target, "no fault", verdict);
  if (!run.start()) return;
  std::vector<Line> lines = run.make_lines();
  HostLoop host(run, lines);
  host.dispatch();
  if (!host.last_credit().ok()) {
    run.violation("credit returned " + status_name(host.last_credit().status) +
                  " with no fault injected: " + host.last_credit().error);
  }
  for (const Line& line : lines) {
    const bool expected =
        line.state == State::pending ||
        (line.refused ? line.state == State::declined : line.state == State::succeeded);
    if (!expected) {
      run.violation("credit answered " + std::string(state_name(line.state)) + " for " +
                    line.credit.operation_id + " with no fault injected (\"" + line.message +
                    "\"); expected " + (line.refused ? "DECLINED" : "SUCCEEDED") + " or PENDING");
    }
  }
  host.settle();
  host.janitor();
  host.run();
  for (Line& line : lines) {
    if (line.refused || line.state != State::succeeded) continue;
    HookCall call = run.status(line.credit.operation_id);
    if (!call.ok() || call.results.empty()) {
      run.violation("status(" + line.credit.operation_id + ") of a credited line returned " +
                    status_name(call.status) + ": " + call.error);
      continue;
    }
    const OperationResult& result = call.results.front();
    run.answer(line, result.outcome, result.message, "status");
    if (result.outcome != CAISSE_OUTCOME_SUCCEEDED) {
      run.violation("status(" + line.credit.operation_id + ") of a credited line answered " +
                    outcome_name(result.outcome) + " (\"" + result.message +
                    "\"); expected SUCCEEDED");
    }
  }
  run.expect_settled(lines, after_rounds() + " without a fault");
}

// 2. Every fault, on every HTTP call in turn, then on every call of a whole round: the host
// resends only NOT_SENT lines and asks status() about the others, and each line still ends
// applied exactly once.
inline void retries_after_faults(const CurrencyTargetFactory& make_target) {
  using namespace detail;
  Verdict verdict("retries after faults");
  {
    Run probe(make_target, "probe", verdict);
    if (!probe.loaded()) return;
    if (!probe.transport().has_backend()) {
      GTEST_SKIP() << "the target has no backend: HTTP faults cannot be injected";
    }
  }
  for (Fault fault : kAllFaults) {
    for (std::size_t call = 1; call <= kMaxRunsPerFault && !verdict.stop(); ++call) {
      Run run(make_target,
              std::string("fault ") + fault_name(fault) + " on HTTP call " + std::to_string(call),
              verdict);
      if (!run.start()) return;
      std::vector<Line> lines = run.make_lines();
      run.transport().fail_call(call, fault);
      HostLoop host(run, lines);
      host.run();
      if (run.transport().faults_fired() == 0) break;  // past the run's last call
      run.expect_settled(lines, after_rounds());
    }
    if (verdict.stop()) return;
    Run run(make_target,
            std::string("every HTTP call of the first round spoiled by ") + fault_name(fault),
            verdict);
    if (!run.start()) return;
    std::vector<Line> lines = run.make_lines();
    HostLoop host(run, lines);
    run.transport().fail_every_call(fault);
    host.round();
    run.transport().stop_failing();
    host.run();
    run.expect_settled(lines, after_rounds() + ", the first under the fault");
  }
}

// 3. The backend applied a credit and its answer was lost: the adapter says UNKNOWN or PENDING
// (never NOT_SENT or DECLINED), does not send it again, and status() later finds it, also after
// the daemon restarted.
inline void lost_answer(const CurrencyTargetFactory& make_target) {
  using namespace detail;
  Verdict verdict("lost answer");
  for (bool restart : {false, true}) {
    for (std::size_t commit = 1; commit <= kMaxRunsPerFault && !verdict.stop(); ++commit) {
      Run run(make_target,
              "the answer of the credit the backend committed " + std::to_string(commit) +
                  (commit == 1   ? "st"
                   : commit == 2 ? "nd"
                   : commit == 3 ? "rd"
                                 : "th") +
                  " was lost" + (restart ? ", then the daemon restarted" : ""),
              verdict);
      if (!run.start()) return;
      if (!run.transport().has_backend()) {
        GTEST_SKIP() << "the target has no backend: no answer can be lost";
      }
      std::vector<Line> lines = run.make_lines();
      run.transport().fail_commit(commit, Fault::lose_answer);
      HostLoop host(run, lines);
      host.dispatch();
      if (run.transport().faults_fired() == 0) {
        if (commit == 1) {
          GTEST_SKIP() << "the backend committed nothing while credit() ran: no answer of a "
                          "commit can be lost";
        }
        break;
      }
      if (restart && !run.restart()) return;
      host.settle();
      host.janitor();
      host.run();
      run.expect_settled(lines, after_rounds() + " after the lost answer");
    }
  }
}

// 4. status() finds an operation buried under more unrelated ones than a page of its lookup,
// and does not claim one that was never sent.
inline void paging(const CurrencyTargetFactory& make_target) {
  using namespace detail;
  Verdict verdict("paging");
  {
    Run run(make_target, std::string("noise before and after the credits"), verdict);
    if (!run.start()) return;
    if (!run.target().add_noise) {
      GTEST_SKIP() << "the target has no add_noise: lookups cannot be made to page";
    }
    run.add_noise();
    std::vector<Line> lines = run.make_lines();
    HostLoop host(run, lines);
    host.dispatch();
    host.settle();
    run.add_noise();
    host.janitor();
    host.run();
    for (Line& line : lines) {
      if (line.refused) continue;
      HookCall call = run.status(line.credit.operation_id);
      if (!call.ok() || call.results.empty()) {
        run.violation("status(" + line.credit.operation_id + ") returned " +
                      status_name(call.status) + " behind " +
                      std::to_string(2 * run.target().noise) +
                      " unrelated operations: " + call.error);
        continue;
      }
      const OperationResult& result = call.results.front();
      run.answer(line, result.outcome, result.message, "status, behind the noise,");
      if (result.outcome != CAISSE_OUTCOME_SUCCEEDED) {
        run.violation("status(" + line.credit.operation_id + ") answered " +
                      outcome_name(result.outcome) + " behind " +
                      std::to_string(2 * run.target().noise) +
                      " unrelated operations; expected SUCCEEDED (\"" + result.message + "\")");
      }
    }
    expect_never_sent(run, run.never_sent(), "behind the noise");
    run.expect_settled(lines, after_rounds() + " behind the noise");
  }
  if (verdict.stop()) return;
  Run run(make_target, "the answer of the first commit lost, then noise", verdict);
  if (!run.start() || !run.transport().has_backend()) return;
  std::vector<Line> lines = run.make_lines();
  run.transport().fail_commit(1, Fault::lose_answer);
  HostLoop host(run, lines);
  host.dispatch();
  run.add_noise();
  host.settle();
  host.janitor();
  host.run();
  run.expect_settled(lines, after_rounds() + ", the answer lost behind the noise");
}

// 5. Every answer of a round is garbage (an HTML page, cut or foreign JSON, an empty body, a
// 5xx): the hooks return a defined status with a message, never SUCCEEDED without an effect;
// once the peer answers properly again every line ends applied once.
inline void malformed_answers(const CurrencyTargetFactory& make_target) {
  using namespace detail;
  Verdict verdict("malformed answers");
  for (Fault fault : kMalformedAnswers) {
    if (verdict.stop()) return;
    Run run(make_target, std::string("every HTTP answer spoiled by ") + fault_name(fault), verdict);
    if (!run.start()) return;
    if (!run.transport().has_backend()) {
      GTEST_SKIP() << "the target has no backend: no answer can be spoiled";
    }
    std::vector<Line> lines = run.make_lines();
    HostLoop host(run, lines);
    run.transport().fail_every_call(fault);
    host.round();
    host.janitor();
    run.transport().stop_failing();
    host.run();
    run.expect_settled(lines, after_rounds() + " (the first under " + fault_name(fault) + ")");
  }
}

// 6. The state store is down (from init through the first round, or on one of its calls in
// turn): whatever the adapter answers, it never hides an effect, and the lines settle once the
// store is back.
inline void state_store_unavailable(const CurrencyTargetFactory& make_target) {
  using namespace detail;
  Verdict verdict("state store unavailable");
  std::size_t kv_calls = 0;
  {
    Run run(make_target, "state store down from init through the first round", verdict);
    if (!run.loaded()) return;
    run.host().set_kv_available(false);
    if (!run.start(true)) return;
    std::vector<Line> lines = run.make_lines();
    HostLoop host(run, lines);
    host.round();
    run.host().set_kv_available(true);
    host.run();
    run.expect_settled(lines, after_rounds() + ", the first without a state store");
  }
  {
    Run run(make_target, "no fault (counting state store calls)", verdict);
    if (!run.start()) return;
    std::vector<Line> lines = run.make_lines();
    HostLoop host(run, lines);
    host.run();
    run.expect_settled(lines, after_rounds());
    kv_calls = run.host().kv_calls();
  }
  for (std::size_t call = 1; call <= std::min(kv_calls, kMaxRunsPerFault) && !verdict.stop();
       ++call) {
    Run run(make_target, "the state store fails its call " + std::to_string(call), verdict);
    if (!run.loaded()) return;
    run.host().fail_kv_call(call);
    if (!run.start(true)) return;
    std::vector<Line> lines = run.make_lines();
    HostLoop host(run, lines);
    host.run();
    run.expect_settled(lines, after_rounds());
  }
}

// 7. What the daemon checks at load and relies on at every call: the descriptor and schema, an
// entry point that always returns the same descriptor, instances that share nothing, init after
// destroy, status() of an unknown operation, and (in every call of every scenario) set_error
// before a non-OK status and result strings that outlive the hook.
inline void abi_hygiene(const CurrencyTargetFactory& make_target) {
  using namespace detail;
  Verdict verdict("ABI hygiene");
  {
    Run run(make_target, "descriptor", verdict);
    if (!run.loaded()) return;
    const PluginLibrary& library = run.library();
    for (const std::string& problem : descriptor_problems(library.descriptor(), library.stem())) {
      run.violation("descriptor: " + problem);
    }
    if (library.entry()() != &library.descriptor()) {
      run.violation("caisse_plugin_entry returned another descriptor on its second call");
    }
  }
  {
    Run run(make_target, "status of an operation never sent; init after destroy", verdict);
    if (!run.start()) return;
    expect_never_sent(run, run.never_sent(), "on a fresh instance");
    if (!run.restart()) return;
    expect_never_sent(run, run.never_sent(), "after destroy and init");
  }
  {
    // Two instances of the plugin, each with its own backend, crediting the same operation ids
    // in turn: state kept in globals shows up as a line skipped or credited in the wrong place.
    Run first(make_target, "two instances side by side: the first", verdict);
    Run second(make_target, "two instances side by side: the second", verdict);
    if (!first.start() || !second.start()) return;
    std::vector<Line> first_lines = first.make_lines();
    std::vector<Line> second_lines = second.make_lines();
    HostLoop first_host(first, first_lines), second_host(second, second_lines);
    for (std::size_t r = 0; r < kMaxRounds && !(first_host.done() && second_host.done()); ++r) {
      first_host.round();
      second_host.round();
    }
    first.expect_settled(first_lines, after_rounds() + ", next to another instance");
    second.expect_settled(second_lines, after_rounds() + ", next to another instance");
  }
  {
    // Failing paths: every HTTP call refused and the state store down.
    Run run(make_target, "every HTTP call refused, state store down", verdict);
    if (!run.start()) return;
    std::vector<Line> lines = run.make_lines();
    HostLoop host(run, lines);
    run.transport().fail_every_call(Fault::refuse);
    run.host().set_kv_available(false);
    host.round();
  }
}

}  // namespace currency_conformance
}  // namespace caisse::testing

// Registers the conformance suite for one currency adapter: seven TESTs named Suite.<scenario>.
// make_target is a function (or any callable) returning a caisse::testing::
// CurrencyConformanceTarget; it is called once per run, so each run gets a fresh backend.
//
//   CAISSE_CURRENCY_CONFORMANCE(MyAdapter, make_target)
#define CAISSE_CURRENCY_CONFORMANCE(Suite, make_target)                            \
  TEST(Suite, HappyPathCreditsEachLineOnce) {                                      \
    ::caisse::testing::currency_conformance::happy_path(make_target);              \
  }                                                                                \
  TEST(Suite, RetriesAfterEveryFaultApplyEachLineOnce) {                           \
    ::caisse::testing::currency_conformance::retries_after_faults(make_target);    \
  }                                                                                \
  TEST(Suite, LostAnswerIsUnknownAndStatusFindsIt) {                               \
    ::caisse::testing::currency_conformance::lost_answer(make_target);             \
  }                                                                                \
  TEST(Suite, StatusFindsOperationsBeyondTheFirstPage) {                           \
    ::caisse::testing::currency_conformance::paging(make_target);                  \
  }                                                                                \
  TEST(Suite, MalformedAnswersNeverPassForSuccess) {                               \
    ::caisse::testing::currency_conformance::malformed_answers(make_target);       \
  }                                                                                \
  TEST(Suite, UnavailableStateStoreNeverHidesAnEffect) {                           \
    ::caisse::testing::currency_conformance::state_store_unavailable(make_target); \
  }                                                                                \
  TEST(Suite, DescriptorSchemaAndInstancesFollowTheAbi) {                          \
    ::caisse::testing::currency_conformance::abi_hygiene(make_target);             \
  }
