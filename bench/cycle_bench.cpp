// A full allocation cycle for N synthetic households, end to end against a real PostgreSQL:
// compute (the hello rule plugin, loaded by the host's plugin loader), approve (a second
// operator), fund (contributions recorded in the caisse's ledger), dispatch to a local peer,
// settle (reconcile, one ledger posting per credited line) and close. Prints each phase's wall
// time and the process's peak resident memory (VmHWM) after it.
//
// A standalone program rather than a Google Benchmark fixture: one run at a million households
// takes minutes and every phase depends on the previous one, which does not fit repeated
// iterations. docs/performance.md has the command, the machine and the results.
//
//   cycle_bench --households 100000 [--peer loopback|file_exchange] [--batch 500]
//               [--work-dir DIR] [--keep-db]
//
// The database: a new one on the server named by CAISSE_TEST_PG_URL (tests/support), or an
// embedded cluster started for the run when it is unset; dropped at the end unless --keep-db.
// The households are generated on the fly in id order, never held in memory all at once, so the
// process's memory must not grow with N; PostgreSQL's own memory is another process and is not
// counted.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/daemon_config.hpp"
#include "cycle/allocation_cycle.hpp"
#include "cycle/book_ledger.hpp"
#include "cycle/plugin_ports.hpp"
#include "ledger/chart.hpp"
#include "ledger/journal.hpp"
#include "pg_test_env.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"
#include "store/migrations.hpp"
#include "store/pg_connection.hpp"

namespace {

using namespace caisse;
using namespace caisse::host;
using cycle::Household;

constexpr Month kMonth{2026, 11};
constexpr const char* kCaisse = "bench";
constexpr const char* kCurrency = "MONA";
constexpr std::int64_t kPerPerson = 10000;  // 100.00 MONA per person (hello's amount_per_person)

[[noreturn]] void die(const std::string& what) {
  std::cerr << "cycle_bench: " << what << "\n";
  std::exit(1);
}

template <class T>
T need(Result<T> result, const std::string& what) {
  if (!result) die(what + ": " + result.error().message);
  return std::move(result.value());
}

// VmHWM (peak) and VmRSS (now) of this process, in KiB, from /proc/self/status.
struct Memory {
  long peak_kib = 0;
  long now_kib = 0;
};

Memory memory() {
  Memory m;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) m.peak_kib = std::stol(line.substr(6));
    if (line.starts_with("VmRSS:")) m.now_kib = std::stol(line.substr(6));
  }
  if (m.peak_kib == 0) {  // no /proc: getrusage's maximum, KiB on Linux
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    m.peak_kib = usage.ru_maxrss;
  }
  return m;
}

// The i-th household (0-based): fixed-width ids so that id order is generation order.
Household household(std::uint64_t i) {
  char id[24];
  std::snprintf(id, sizeof id, "H-%08llu", static_cast<unsigned long long>(i + 1));
  return {id, static_cast<std::uint32_t>(1 + i % 2), static_cast<std::uint32_t>(i % 3)};
}

// The registry stand-in: N households generated batch by batch, in id order.
class SyntheticHouseholds final : public cycle::HouseholdSource {
 public:
  explicit SyntheticHouseholds(std::uint64_t n) : n_(n) {}
  Result<std::uint64_t> count(Month) override { return n_; }
  Result<void> for_each_batch(Month, std::size_t batch_size,
                              const cycle::HouseholdBatch& batch) override {
    std::vector<Household> part;
    part.reserve(batch_size);
    for (std::uint64_t i = 0; i < n_;) {
      part.clear();
      for (; i < n_ && part.size() < batch_size; ++i) part.push_back(household(i));
      if (auto done = batch(part); !done) return done;
    }
    return {};
  }

  // What the hello rule gives them all, to fund the cycle exactly.
  std::int64_t total_minor() const {
    std::int64_t total = 0;
    for (std::uint64_t i = 0; i < n_; ++i) {
      const Household h = household(i);
      total += kPerPerson * (h.adults + h.children);
    }
    return total;
  }

 private:
  std::uint64_t n_;
};

// The loopback peer: a currency backend in the same process that behaves like file_exchange
// (credit() answers PENDING, status() answers SUCCEEDED once "the operator confirmed") without
// keeping anything per line, so its memory does not grow with N either.
class LoopbackPeer final : public cycle::CurrencyGateway {
 public:
  Result<std::vector<plugins::OperationResult>> credit(
      const std::vector<plugins::CreditLine>& lines) override {
    received_ += lines.size();
    return std::vector<plugins::OperationResult>(
        lines.size(), {plugins::Outcome::pending, "", "waiting for the operator's confirmation"});
  }
  Result<plugins::OperationResult> status(std::string_view operation_id) override {
    return plugins::OperationResult{
        plugins::Outcome::succeeded,
        "LB-" + std::string(operation_id.substr(operation_id.rfind('/') + 1)), ""};
  }
  std::uint64_t received() const { return received_; }

 private:
  std::uint64_t received_ = 0;
};

// What the host lends plugins; neither hello nor file_exchange stores anything.
class BenchServices final : public plugins::PluginServices {
 public:
  std::int64_t now_ms() override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  Result<std::optional<std::string>> kv_get(std::string_view, std::string_view,
                                            std::string_view) override {
    return std::optional<std::string>{};
  }
  Result<void> kv_put(std::string_view, std::string_view, std::string_view,
                      std::string_view) override {
    return {};
  }
  void metric_add(std::string_view, std::string_view, std::string_view, std::int64_t) override {}
};

std::unique_ptr<plugins::PluginInstance> instance(const std::string& plugin,
                                                  const std::string& name,
                                                  config::ResolvedPluginConfig config,
                                                  plugins::PluginServices& services) {
  auto loaded =
      need(plugins::load_plugin({plugin, {CAISSE_PLUGIN_DIR}, std::nullopt}), "loading " + plugin);
  return need(plugins::PluginInstance::create(loaded, kCaisse, name, std::move(config), services),
              "starting " + plugin);
}

// The currency operator's side of file_exchange: reads credits.csv line by line and confirms
// every line in one confirmation file, without holding either file in memory.
std::uint64_t confirm_all(const std::filesystem::path& credits, const std::filesystem::path& out) {
  std::ifstream in(credits);
  if (!in) die("cannot read " + credits.string());
  const std::filesystem::path partial = out.string() + ".part";  // not *.csv until complete
  std::ofstream confirmation(partial);
  confirmation << "operation_id;status;reference;message\n";
  std::string line;
  std::uint64_t n = 0;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    // Operation ids are "alloc/bench/2026-11/H-…": never quoted, no ';' inside.
    confirmation << std::string_view(line).substr(0, line.find(';')) << ";OK;OP-" << ++n << ";\n";
  }
  confirmation.close();
  if (!confirmation) die("cannot write " + partial.string());
  std::filesystem::rename(partial, out);
  return n;
}

struct Options {
  std::uint64_t households = 100000;
  std::string peer = "loopback";
  std::size_t batch = 500;
  std::filesystem::path work_dir;
  bool keep_db = false;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) die(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--households") {
      o.households = std::stoull(value());
    } else if (arg == "--peer") {
      o.peer = value();
      if (o.peer != "loopback" && o.peer != "file_exchange")
        die("--peer: loopback or file_exchange");
    } else if (arg == "--batch") {
      o.batch = std::stoul(value());
    } else if (arg == "--work-dir") {
      o.work_dir = value();
    } else if (arg == "--keep-db") {
      o.keep_db = true;
    } else {
      die("usage: cycle_bench [--households N] [--peer loopback|file_exchange] [--batch N]"
          " [--work-dir DIR] [--keep-db]");
    }
  }
  if (o.households == 0 || o.batch == 0) die("--households and --batch must be positive");
  return o;
}

class Phases {
 public:
  explicit Phases(std::uint64_t households) : households_(households) {
    std::printf("%-10s %10s %12s %14s %14s\n", "phase", "seconds", "lines/s", "peak RSS MiB",
                "RSS now MiB");
  }
  template <class F>
  void run(const std::string& name, F&& body, bool per_line = true) {
    const auto start = std::chrono::steady_clock::now();
    body();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    total_ += seconds;
    const Memory m = memory();
    const double rate = per_line && seconds > 0 ? static_cast<double>(households_) / seconds : 0;
    std::printf("%-10s %10.2f %12.0f %14.1f %14.1f\n", name.c_str(), seconds, rate,
                static_cast<double>(m.peak_kib) / 1024, static_cast<double>(m.now_kib) / 1024);
    std::fflush(stdout);
    row_ += " " + format(seconds) + " |";
  }
  double total() const { return total_; }
  const std::string& row() const { return row_; }

  static std::string format(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", seconds);
    return text;
  }

 private:
  std::uint64_t households_;
  double total_ = 0;
  std::string row_;
};

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  std::filesystem::path work = options.work_dir;
  if (work.empty()) {
    work = std::filesystem::temp_directory_path() /
           ("caisse-cycle-bench-" + std::to_string(::getpid()));
  }
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work / "outbox");
  std::filesystem::create_directories(work / "inbox");
  std::printf("cycle_bench: %llu households, peer %s, batches of %zu, work dir %s\n",
              static_cast<unsigned long long>(options.households), options.peer.c_str(),
              options.batch, work.string().c_str());
  std::printf("memory: this process only (PostgreSQL's backends are other processes)\n");
  std::fflush(stdout);

  Phases phases(options.households);
  std::optional<store::PgConnection> db;
  std::string database;
  BenchServices services;
  std::unique_ptr<plugins::PluginInstance> hello, file_exchange;
  SyntheticHouseholds households(options.households);
  config::CaisseConfig caisse;
  caisse.id = kCaisse;
  caisse.name = "Bench";
  caisse.currency.code = kCurrency;
  caisse.currency.minor_unit = 2;
  caisse.currency.parity_eur = "1.00";

  phases.run(
      "setup",
      [&] {
        db.emplace(need(store::PgConnection::connect(caisse::testing::fresh_database("bench")),
                        "connecting"));
        need(store::migrate(*db, store::builtin_migrations()), "migrating");
        database = std::string(need(db->exec("SELECT current_database()"), "naming").get(0, 0));
        need(ledger::open_chart(*db, kCaisse, "EUR", 2, kCurrency, 2), "opening the chart");
        // The month's contributions, in euros at parity 1: exactly what the cycle issues.
        const std::int64_t total = households.total_minor();
        need(ledger::post(*db, {kCaisse,
                                "bench:contributions:" + kMonth.to_string(),
                                std::chrono::year{kMonth.year} / kMonth.month / 1,
                                "Contributions " + kMonth.to_string() + " (bench)",
                                "bench",
                                {{{ledger::AccountKind::bank, ""}, {total, "EUR"}},
                                 {{ledger::AccountKind::contributions, ""}, {-total, "EUR"}}}}),
             "recording the contributions");
        config::ResolvedPluginConfig rule;
        rule.values["amount_per_person"] = {kPerPerson, false};
        rule.values["greeting"] = {std::string("Bonjour"), false};
        hello = instance("hello", "allocation", std::move(rule), services);
        if (options.peer == "file_exchange") {
          config::ResolvedPluginConfig fx;
          fx.values["outbox_dir"] = {(work / "outbox").string(), false};
          fx.values["inbox_dir"] = {(work / "inbox").string(), false};
          fx.values["credit_file"] = {std::string("credits.csv"), false};
          fx.values["minor_unit"] = {std::int64_t{2}, false};
          file_exchange = instance("file_exchange", "currency", std::move(fx), services);
        }
      },
      false);

  cycle::BookLedger ledger(*db, caisse);
  cycle::PluginAllocationRule rule(*hello, cycle::rule_version_label(*hello, Month{2026, 1}));
  LoopbackPeer loopback;
  std::optional<cycle::PluginCurrencyGateway> plugin_peer;
  if (file_exchange) plugin_peer.emplace(*file_exchange);
  cycle::CurrencyGateway& peer =
      plugin_peer ? static_cast<cycle::CurrencyGateway&>(*plugin_peer) : loopback;
  cycle::AllocationCycle allocation(kCaisse, kCurrency, 2, *db);

  std::int64_t total = 0;
  phases.run("compute", [&] {
    auto s = need(allocation.compute(kMonth, "alice", households, rule, ledger), "compute");
    if (s.household_count != options.households) die("compute: wrong household count");
    total = s.total_minor;
  });
  phases.run(
      "approve", [&] { need(allocation.approve(kMonth, "bob"), "approve"); }, false);
  phases.run(
      "fund", [&] { need(allocation.fund(kMonth, ledger), "fund"); }, false);
  phases.run("dispatch", [&] {
    auto s = need(allocation.dispatch(kMonth, peer, ledger, options.batch), "dispatch");
    if (s.state != cycle::CycleState::dispatched) die("dispatch: expected every line PENDING");
  });
  if (file_exchange) {
    phases.run("confirm", [&] {
      confirm_all(work / "outbox" / "credits.csv", work / "inbox" / "confirmation.csv");
    });
  }
  phases.run("settle", [&] {
    auto s = need(allocation.reconcile(kMonth, peer, ledger, options.batch), "reconcile");
    if (s.state != cycle::CycleState::settled) die("reconcile: the cycle did not settle");
  });
  phases.run(
      "close", [&] { need(allocation.close(kMonth), "close"); }, false);

  // The books agree with the cycle: everything received was issued, once.
  const auto s = need(allocation.summary(kMonth), "summary");
  const auto left = need(ledger.funds_available(kMonth), "funds left");
  const auto succeeded = s.by_status.count(cycle::LineStatus::succeeded)
                             ? s.by_status.at(cycle::LineStatus::succeeded).lines
                             : 0;
  if (succeeded != options.households || left != 0 || s.state != cycle::CycleState::closed) {
    die("inconsistent end state: " + std::to_string(succeeded) + " lines succeeded, " +
        std::to_string(left) + " left to issue");
  }
  const Memory m = memory();
  std::printf("total %.1f s; %llu lines credited, %lld.%02lld %s issued; peak RSS %.1f MiB\n",
              phases.total(), static_cast<unsigned long long>(succeeded),
              static_cast<long long>(total / 100), static_cast<long long>(total % 100), kCurrency,
              static_cast<double>(m.peak_kib) / 1024);
  std::printf("| %llu | %s |%s %s | %.1f |\n", static_cast<unsigned long long>(options.households),
              options.peer.c_str(), phases.row().c_str(), Phases::format(phases.total()).c_str(),
              static_cast<double>(m.peak_kib) / 1024);

  file_exchange.reset();
  hello.reset();
  db.reset();
  if (!options.keep_db) {
    auto admin = need(store::PgConnection::connect(caisse::testing::test_database_url()),
                      "connecting to drop the database");
    need(admin.exec("DROP DATABASE IF EXISTS \"" + database + "\""), "dropping " + database);
    std::filesystem::remove_all(work);
  } else {
    std::printf("kept database %s and %s\n", database.c_str(), work.string().c_str());
  }
  return 0;
}
