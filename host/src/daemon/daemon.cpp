#include "daemon/daemon.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "config/config_loader.hpp"
#include "daemon/admin_routes.hpp"
#include "daemon/api_contract.hpp"
#include "daemon/background_loop.hpp"
#include "daemon/collection_routes.hpp"
#include "daemon/contribution_routes.hpp"
#include "daemon/conventionnement_routes.hpp"
#include "daemon/cycle_books.hpp"
#include "daemon/cycle_routes.hpp"
#include "daemon/daemon_services.hpp"
#include "daemon/dashboard_routes.hpp"
#include "daemon/database.hpp"
#include "daemon/gate_refresher.hpp"
#include "daemon/landing_page.hpp"
#include "daemon/merchant_routes.hpp"
#include "daemon/money_in_routes.hpp"
#include "daemon/money_in_service.hpp"
#include "daemon/openapi_document.hpp"
#include "daemon/plugin_catalog.hpp"
#include "daemon/registry_routes.hpp"
#include "daemon/research_routes.hpp"
#include "daemon/shutdown_signals.hpp"
#include "daemon/static_files.hpp"
#include "http/http_server.hpp"
#include "observability/logging.hpp"
#include "store/connection_pool.hpp"
#include "store/pg_kv_store.hpp"

namespace caisse::host::daemon {
namespace {

constexpr auto kShutdownGrace = std::chrono::seconds(10);
constexpr std::size_t kMaxQueuedDbJobs = 1024;
// A provider notification is a few kilobytes; anything much larger is not one.
constexpr std::size_t kMaxWebhookBytes = 256 * 1024;
constexpr auto kNotificationInterval = std::chrono::seconds(5);
constexpr int kNotificationBatch = 100;
constexpr auto kGateRefreshInterval = std::chrono::hours(1);

Result<config::DaemonConfig> load_config(const CommandLine& command_line) {
  auto config = config::load_daemon_config(command_line.config_file);
  if (!config) return config;
  if (command_line.listen) {
    auto address = config::parse_listen_address(*command_line.listen);
    if (!address) return make_error("--listen: " + address.error().message);
    config->http.listen_host = address->host;
    config->http.listen_port = address->port;
  }
  if (command_line.data_dir) config->data_dir = std::filesystem::absolute(*command_line.data_dir);
  return config;
}

Result<http::TokenAuthenticator> admin_tokens(const config::DaemonConfig& config) {
  http::TokenAuthenticator auth;
  for (const auto& token : config.admin_tokens) {
    auto role = http::parse_role(token.role);
    if (!role) return make_error("admin token " + token.name + ": " + role.error().message);
    auto secret = token.token.resolve();
    if (!secret) return make_error("admin token " + token.name + ": " + secret.error().message);
    auth.add(token.name, *role, *secret);
  }
  return auth;
}

Result<http::HttpServerOptions> server_options(const config::DaemonConfig& config) {
  http::HttpServerOptions o;
  o.host = config.http.listen_host;
  o.port = config.http.listen_port;
  o.threads = config.http.threads;
  o.max_header_bytes = config.http.max_header_bytes;
  o.max_body_bytes = config.http.max_body_bytes;
  o.read_timeout = config.http.read_timeout;
  o.write_timeout = config.http.write_timeout;
  o.idle_timeout = config.http.idle_timeout;
  if (config.http.tls_cert && config.http.tls_key) {
    auto cert = config.http.tls_cert->resolve();
    if (!cert) return make_error("http.tls_cert: " + cert.error().message);
    auto key = config.http.tls_key->resolve();
    if (!key) return make_error("http.tls_key: " + key.error().message);
    o.tls_cert_pem = std::move(cert.value());
    o.tls_key_pem = std::move(key.value());
  }
  return o;
}

// The web dashboard's files, read once; a daemon without them still starts (and says how to
// build them at /dashboard/).
std::shared_ptr<const StaticFiles> dashboard_files(const config::DaemonConfig& config) {
  const std::filesystem::path dir = config.http.dashboard_dir.empty()
                                        ? std::filesystem::path(CAISSE_DASHBOARD_DIR)
                                        : config.http.dashboard_dir;
  auto files = std::make_shared<const StaticFiles>(StaticFiles::load(dir));
  for (const auto& problem : files->problems()) {
    spdlog::warn("event=dashboard_files_problem dir={} problem=\"{}\"", dir.string(), problem);
  }
  spdlog::info("event=dashboard_files dir={} files={}", dir.string(), files->size());
  return files;
}

int fail(const std::string& reason) {
  spdlog::critical("event=start_failed reason=\"{}\"", reason);
  return 1;
}

}  // namespace

int run_daemon(const CommandLine& command_line) {
  const auto started = std::chrono::steady_clock::now();
  auto loaded = load_config(command_line);
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().message.c_str());
    return 1;
  }
  const config::DaemonConfig& config = *loaded;
  auto format =
      config.log.format == "json" ? observability::LogFormat::json : observability::LogFormat::text;
  if (auto logging = observability::configure_logging(format, config.log.level); !logging) {
    std::fprintf(stderr, "%s\n", logging.error().message.c_str());
    return 1;
  }
  spdlog::info("event=starting version={} config={} data_dir={}", CAISSE_VERSION,
               config.file.string(), config.data_dir.string());

  // Plugins first: a required plugin that cannot load stops us before anything is started.
  PluginCatalog catalog = PluginCatalog::load(config);
  if (auto failures = catalog.required_failures(); !failures.empty()) return fail(failures.front());

  auto auth = admin_tokens(config);
  if (!auth) return fail(auth.error().message);
  auto options = server_options(config);
  if (!options) return fail(options.error().message);

  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) return fail("cannot create data_dir " + config.data_dir.string() + ": " + ec.message());

  auto database = open_database(config);
  if (!database) return fail(database.error().message);

  int exit_code = 0;
  {
    store::ConnectionPool pool(database->conninfo,
                               static_cast<std::size_t>(config.storage.pool_size));
    store::PgKvStore kv(pool);
    observability::MetricsRegistry metrics;
    DaemonServices services(kv, metrics);
    catalog.start_instances(config, services);

    if (auto failures = catalog.required_failures(); !failures.empty()) {
      exit_code = fail(failures.front());
    } else {
      // Declared before the workers, so that work still queued finishes before they go.
      CycleService cycles(config, catalog, pool, registry_and_ledger_books());
      IdempotentRequests idempotency(pool);
      BlockingWorkers workers(static_cast<std::size_t>(config.storage.pool_size), kMaxQueuedDbJobs);
      auto router = std::make_shared<http::Router>();
      AdminContext admin{started, config,  catalog, *database, pool,
                         workers, metrics, *auth,   &cycles};
      add_admin_routes(*router, admin);
      CycleRoutesContext cycle_routes{cycles, workers, idempotency, *auth};
      add_cycle_routes(*router, cycle_routes);
      RegistryRoutesContext registry_routes{cycles,      catalog, workers,
                                            idempotency, *auth,   config.http.max_import_bytes};
      add_registry_routes(*router, registry_routes);
      MerchantRoutesContext merchant_routes{cycles, catalog, workers, idempotency, *auth};
      add_merchant_routes(*router, merchant_routes);
      add_conventionnement_routes(*router, {cycles, catalog, workers, idempotency, *auth});
      ContributionRoutesContext contribution_routes{cycles, workers, *auth};
      add_contribution_routes(*router, contribution_routes);
      MoneyInService money_in(catalog, cycles, pool);
      // Reads kept notifications: woken as each one is kept, and every few seconds for the
      // ones due again after a failure.
      BackgroundLoop notifications(kNotificationInterval, [&money_in] {
        while (money_in.process_due(kNotificationBatch).processed ==
               static_cast<std::size_t>(kNotificationBatch)) {
        }
      });
      MoneyInRoutesContext money_in_routes{cycles,
                                           money_in,
                                           workers,
                                           idempotency,
                                           *auth,
                                           config.http.max_import_bytes,
                                           kMaxWebhookBytes,
                                           [&notifications] { notifications.wake(); }};
      add_money_in_routes(*router, money_in_routes);
      add_collection_routes(*router, money_in_routes);
      add_research_routes(*router, {cycles, pool, workers, *auth, config.research.min_group_size});
      add_landing_page(*router, config);
      DashboardRoutesContext dashboard_routes{config, cycles, pool, workers, *auth};
      add_dashboard_routes(*router, dashboard_routes);
      add_dashboard_files(*router, dashboard_files(config));
      // Decisions that start or accreditations that end today take effect without anyone asking.
      BackgroundLoop gates(kGateRefreshInterval, [&config, &cycles, &catalog] {
        refresh_every_merchant_gate(config, cycles, catalog);
      });
      gates.wake();
      BackgroundLoop janitor(config.janitor_interval, [&cycles] {
        std::size_t asked = cycles.reconcile_dispatched();
        if (asked > 0) spdlog::info("event=janitor_round cycles={}", asked);
      });

      // Every route is in: they must be the ones docs/api/openapi.json describes.
      log_api_contract_mismatches(*router, openapi_document());
      http::HttpServer server(*options, router, &metrics);
      if (auto listening = server.start(); !listening) {
        exit_code = fail(listening.error().message);
      } else {
        std::string scheme = options->tls_cert_pem ? "https" : "http";
        spdlog::info("event=ready url={}://{}:{}/", scheme, options->host, server.port());
        std::printf("caissed is ready: open %s://%s:%u/\n", scheme.c_str(), options->host.c_str(),
                    static_cast<unsigned>(server.port()));
        std::fflush(stdout);
        int signal_number = wait_for_shutdown_signal();
        spdlog::info("event=stopping signal={}", signal_number);
        server.stop(kShutdownGrace);
      }
    }
    catalog.stop_instances();
  }
  if (database->cluster) {
    if (auto stopped = database->cluster->stop(); !stopped) {
      spdlog::error("event=embedded_postgres_stop_failed reason=\"{}\"", stopped.error().message);
      exit_code = 1;
    } else {
      spdlog::info("event=embedded_postgres_stopped");
    }
  }
  spdlog::info("event=stopped exit_code={}", exit_code);
  return exit_code;
}

}  // namespace caisse::host::daemon
