// Money coming in, as the daemon runs it: notifications pushed by payment providers (verified
// by their collector instance, kept, then read by the processor), bank statements read by a
// statement instance and reconciled, status reports read by a collector instance. Each plugin
// instance is called by one thread at a time, as the ABI promises: the service keeps a lock per
// instance, so verifying a notification never waits for a cycle of another instance.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "bank/statement_import.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "daemon/cycle_service.hpp"
#include "daemon/plugin_catalog.hpp"
#include "inbound/notification_store.hpp"
#include "inbound/payment_events.hpp"
#include "plugins/payment_values.hpp"
#include "store/connection_pool.hpp"

namespace caisse::host::daemon {

// What became of a notification.
struct WebhookAnswer {
  enum class Kind { kept, duplicate, forged, malformed } kind = Kind::kept;
  std::string event_id;
  std::string message;  // why it was refused
};

struct NotificationRound {
  std::size_t processed = 0;
  std::size_t failed = 0;
  std::size_t dead = 0;
};

class MoneyInService {
 public:
  MoneyInService(const PluginCatalog& catalog, const CycleService& caisses,
                 store::ConnectionPool& pool);

  // Verifies and keeps a notification for instance `instance` of the caisse. Errors: not_found
  // when the caisse has no such running instance or it takes no notifications; unavailable when
  // the database cannot keep it (the provider will send it again).
  Result<WebhookAnswer> receive_webhook(std::string_view caisse_id, std::string_view instance,
                                        const plugins::Webhook& webhook);

  // Reads up to `limit` notifications due now through their plugin and records their events.
  NotificationRound process_due(int limit);

  Result<bank::StatementImportReport> import_statement(std::string_view caisse_id,
                                                       std::string_view instance,
                                                       const std::string& file_name,
                                                       std::string_view content,
                                                       const std::string& actor);

  // A status report (pain.002) read by a collector instance; its events recorded once.
  Result<std::vector<inbound::RecordedEvent>> import_report(std::string_view caisse_id,
                                                            std::string_view instance,
                                                            const std::string& file_name,
                                                            std::string_view content);

  // The payments a collector instance lists for [from_ms, to_ms) (HelloAsso's payments, for
  // reconciliation), each event recorded once as a notification's would be.
  Result<std::vector<inbound::RecordedEvent>> import_listing(std::string_view caisse_id,
                                                             std::string_view instance,
                                                             std::int64_t from_ms,
                                                             std::int64_t to_ms);

  // The pain.008 of the caisse's direct-debit run of `month`, written by the run's collector
  // instance; the run is then frozen. The same run gives the same bytes every time.
  Result<std::string> write_debit_file(std::string_view caisse_id, Month month);

  // Runs `work` on a leased connection (no plugin involved).
  Result<void> with_database(const std::function<Result<void>(store::PgConnection&)>& work);

 private:
  struct Running {
    const config::CaisseConfig* caisse = nullptr;
    plugins::PluginInstance* instance = nullptr;
    std::mutex* lock = nullptr;
  };
  Result<Running> running(std::string_view caisse_id, std::string_view instance) const;

  const PluginCatalog& catalog_;
  const CycleService& caisses_;
  store::ConnectionPool& pool_;
  std::map<const plugins::PluginInstance*, std::unique_ptr<std::mutex>> locks_;
};

}  // namespace caisse::host::daemon
