// Drives a file adapter (moneko, upcoop, kohinos) as the daemon does: the real loader, the
// schema check of its [plugin.config] with the defaults filled in, the host callbacks (with fake
// services: a fixed clock and an in-memory key/value store), temporary drop folders; and, for
// the round trip, one month of the allocation cycle against a real PostgreSQL.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "cycle/allocation_cycle.hpp"
#include "cycle/plugin_ports.hpp"
#include "cycle_fakes.hpp"
#include "fake_plugin_services.hpp"
#include "pg_test_env.hpp"
#include "plugins/plugin_loader.hpp"
#include "store/migrations.hpp"
#include "temp_dir.hpp"
#include "validated_plugin_config.hpp"

namespace caisse::testing {

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_text(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

class FileAdapterHarness {
 public:
  using Value = PluginConfigValue;
  using Config = PluginConfig;

  FileAdapterHarness(std::string plugin, std::string caisse)
      : plugin_(std::move(plugin)), caisse_(std::move(caisse)) {
    for (const auto& dir : {outbox(), inbox(), imports()}) std::filesystem::create_directories(dir);
  }

  std::filesystem::path dir() const { return dir_.path(); }
  std::filesystem::path outbox() const { return dir() / "outbox"; }
  std::filesystem::path inbox() const { return dir() / "inbox"; }
  std::filesystem::path imports() const { return dir() / "imports"; }
  const std::string& caisse() const { return caisse_; }

  // The instance, its config being the three folders plus `extra` (which may replace them),
  // checked against the plugin's schema as the daemon does; or why it did not start.
  caisse::Result<std::unique_ptr<host::plugins::PluginInstance>> create(const Config& extra = {}) {
    auto loaded = host::plugins::load_plugin({plugin_, {CAISSE_PLUGIN_DIR}, std::nullopt});
    if (!loaded) return loaded.error();
    Config all{{"outbox_dir", outbox().string()},
               {"inbox_dir", inbox().string()},
               {"import_dir", imports().string()}};
    for (const auto& [key, value] : extra) all[key] = value;
    auto resolved = validated_plugin_config((*loaded)->descriptor(), plugin_, all, dir());
    if (!resolved) return resolved.error();
    return host::plugins::PluginInstance::create(*loaded, caisse_, plugin_, std::move(*resolved),
                                                 services);
  }

  std::unique_ptr<host::plugins::PluginInstance> start(const Config& extra = {}) {
    auto created = create(extra);
    if (!created) throw std::runtime_error(created.error().message);
    return std::move(created.value());
  }

  // The files in the outbox whose name starts with `prefix`, sorted.
  std::vector<std::filesystem::path> files_in_outbox(std::string_view prefix) const {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(outbox())) {
      if (entry.path().filename().string().starts_with(prefix)) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  host::plugins::FakePluginServices services;  // clock: 2026-10-26

 private:
  caisse::testing::TempDir dir_;
  std::string plugin_;
  std::string caisse_;
};

// One month (2026-11) of the allocation cycle of one caisse, in a fresh database, at a flat
// amount per person.
class CycleRun {
 public:
  CycleRun(const std::string& label, std::string caisse, std::string currency)
      : db_(connected(label)),
        ledger_(db_),
        cycle_(std::move(caisse), std::move(currency), 2, db_) {}

  // Computes, approves and funds the month for `households`, then dispatches it through
  // `adapter`.
  caisse::Result<host::cycle::CycleSummary> dispatch(host::plugins::PluginInstance& adapter,
                                                     std::vector<host::cycle::Household> households,
                                                     std::int64_t per_person) {
    host::cycle::VectorHouseholds source(std::move(households));
    host::cycle::PerPersonRule rule(per_person);
    if (auto computed = cycle_.compute(month, "alice", source, rule, ledger_); !computed) {
      return computed.error();
    }
    if (auto approved = cycle_.approve(month, "bob"); !approved) return approved.error();
    auto summary = cycle_.summary(month);
    if (!summary) return summary.error();
    ledger_.funds = summary->total_minor;
    if (auto funded = cycle_.fund(month, ledger_); !funded) return funded.error();
    return dispatch_again(adapter);
  }

  // Sends the lines still NOT_SENT (the daemon's next dispatch).
  caisse::Result<host::cycle::CycleSummary> dispatch_again(host::plugins::PluginInstance& adapter) {
    host::cycle::PluginCurrencyGateway gateway(adapter);
    return cycle_.dispatch(month, gateway, ledger_);
  }

  // What the janitor does: asks the adapter about every PENDING or UNKNOWN line.
  caisse::Result<host::cycle::CycleSummary> reconcile(host::plugins::PluginInstance& adapter) {
    host::cycle::PluginCurrencyGateway gateway(adapter);
    return cycle_.reconcile(month, gateway, ledger_);
  }

  std::map<std::string, host::cycle::CycleLine> lines() {
    std::map<std::string, host::cycle::CycleLine> out;
    auto read = cycle_.for_each_line(month, 100, [&](const auto& batch) -> caisse::Result<void> {
      for (const auto& line : batch) out[line.household_id] = line;
      return {};
    });
    if (!read) throw std::runtime_error(read.error().message);
    return out;
  }

  std::int64_t issued() { return ledger_.issued(); }

  const caisse::Month month{2026, 11};

 private:
  static host::store::PgConnection connected(const std::string& label) {
    auto db = host::store::PgConnection::connect(fresh_database(label));
    if (!db) throw std::runtime_error(db.error().message);
    auto migrated = host::store::migrate(*db, host::store::builtin_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
    return std::move(*db);
  }

  host::store::PgConnection db_;
  host::cycle::TableLedger ledger_;
  host::cycle::AllocationCycle cycle_;
};

// The ms of a UTC date, for list_purchases periods.
inline std::int64_t utc_ms(int year, unsigned month, unsigned day) {
  using namespace std::chrono;
  return duration_cast<milliseconds>(
             sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}}
                 .time_since_epoch())
      .count();
}

}  // namespace caisse::testing
