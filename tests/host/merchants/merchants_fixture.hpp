// A migrated database, the caisse nantes-ouest, and currency instances to push merchants to and
// list purchases from: merchant_currency instances whose backend is a file of purchases and a
// file the pushed list is written to, and echo_currency, a currency plugin without the ABI 1.3
// hooks.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "fake_plugin_services.hpp"
#include "merchants/currency_instance.hpp"
#include "pg_test_env.hpp"
#include "plugins/plugin_loader.hpp"
#include "registry/registry.hpp"
#include "store/migrations.hpp"
#include "store/pg_connection.hpp"
#include "temp_dir.hpp"

namespace caisse::host::merchants {

// Suites are named merchants_* so that `ctest -R merchants` selects them.
class MerchantsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connected = store::PgConnection::connect(caisse::testing::fresh_database("merchants"));
    if (!connected) throw std::runtime_error(connected.error().message);
    db_.emplace(std::move(connected.value()));
    auto migrated = store::migrate(db(), store::builtin_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
    caisse_.id = "nantes-ouest";
    caisse_.name = "Nantes Ouest";
    caisse_.currency.code = "MONEKO";
    caisse_.currency.minor_unit = 2;
  }

  store::PgConnection& db() { return *db_; }

  // A running merchant_currency instance named `name`; `fail` is "", "list" or "sync".
  CurrencyInstance backend(const std::string& name, const std::string& fail = "") {
    config::ResolvedPluginConfig config;
    config.values["purchases_file"] = {purchases_file(name).string(), false};
    config.values["synced_file"] = {synced_file(name).string(), false};
    config.values["fail"] = {fail, false};
    return start("merchant_currency", name, std::move(config));
  }

  // A running currency instance whose plugin has neither optional hook.
  CurrencyInstance without_hooks(const std::string& name) {
    return start("echo_currency", name, {});
  }

  std::filesystem::path purchases_file(const std::string& instance) const {
    return dir_.path() / (instance + "-purchases.txt");
  }
  std::filesystem::path synced_file(const std::string& instance) const {
    return dir_.path() / (instance + "-synced.txt");
  }

  // What the backend `instance` lists: lines external_ref;household;merchant_ref;amount;
  // currency;paid_at_ms.
  void backend_holds(const std::string& instance, const std::string& lines) {
    std::ofstream(purchases_file(instance), std::ios::trunc) << lines;
  }

  // What the last push wrote to `instance`'s backend; "(nothing)" when none reached it.
  std::string pushed_to(const std::string& instance) const {
    std::ifstream in(synced_file(instance));
    if (!in) return "(nothing)";
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Imports a merchants file with ref:<instance> columns for `instances`, or fails the test.
  registry::ImportReport import_merchants(const std::string& csv,
                                          std::vector<std::string> instances = {"moneko"}) {
    auto report =
        registry::import_csv(db(), caisse_, registry::ImportKind::merchants, "merchants.csv", csv,
                             registry::ImportContext{std::move(instances)});
    if (!report) {
      ADD_FAILURE() << report.error().message;
      return {};
    }
    return *report;
  }

  std::string scalar(const std::string& sql) {
    auto result = db().exec(sql);
    if (!result) throw std::runtime_error(result.error().message);
    return result->rows() == 0 ? "" : std::string(result->get(0, 0));
  }

  // Every stored purchase, one line each, for "nothing changed" checks.
  std::string stored_purchases() {
    return scalar(
        "SELECT coalesce(string_agg(instance || ' ' || external_ref || ' ' ||"
        " coalesce(household_id, '-') || ' ' || merchant_ref || ' ' ||"
        " coalesce(merchant_id, '-') || ' ' || amount_minor || ' ' || currency || ' ' ||"
        " (extract(epoch FROM paid_at) * 1000)::bigint || ' ' || merchant_accredited || ' ' ||"
        " imported_at, E'\\n' ORDER BY instance, external_ref), '')"
        " FROM purchases");
  }

  config::CaisseConfig caisse_;
  plugins::FakePluginServices services_;

 private:
  CurrencyInstance start(const std::string& plugin, const std::string& name,
                         config::ResolvedPluginConfig config) {
    auto loaded = plugins::load_plugin({plugin, {CAISSE_TEST_PLUGIN_DIR}, std::nullopt});
    if (!loaded) throw std::runtime_error(loaded.error().message);
    auto created =
        plugins::PluginInstance::create(*loaded, caisse_.id, name, std::move(config), services_);
    if (!created) throw std::runtime_error(created.error().message);
    running_.push_back(std::move(created.value()));
    return CurrencyInstance{name, running_.back().get(), ""};
  }

  caisse::testing::TempDir dir_;
  std::optional<store::PgConnection> db_;
  std::vector<std::unique_ptr<plugins::PluginInstance>> running_;
};

// 2026-11-10T09:00:00Z, 2026-11-20T18:30:00Z, 2026-12-01T00:00:00Z, 2026-10-31T23:59:59Z.
inline constexpr const char* kNov10 = "1794301200000";
inline constexpr const char* kNov20 = "1795199400000";
inline constexpr const char* kDec1 = "1796083200000";
inline constexpr const char* kOct31 = "1793491199000";

// Épicerie and Ferme accredited, Boulangerie suspended, each known to moneko.
constexpr const char* kMerchants =
    "merchant_id,name,accredited,ref:moneko\n"
    "M-001,Épicerie du Coin,yes,acc-1\n"
    "M-002,Boulangerie Martin,no,acc-2\n"
    "M-003,\"Ferme des Landes, GAEC\",yes,acc-3\n";

}  // namespace caisse::host::merchants
