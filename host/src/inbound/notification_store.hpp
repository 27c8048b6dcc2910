// Provider notifications in PostgreSQL (inbound_events, migration 0012_money_in.sql): kept with
// their raw bytes once verified, then taken by the processor, which reads them through the
// collector plugin; after max_attempts failures they wait, dead, for an operator's replay.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "plugins/payment_values.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::inbound {

struct StoredNotification {
  std::int64_t id = 0;
  std::string caisse_id;
  std::string instance;
  std::string event_id;
  plugins::Webhook webhook;
  int attempts = 0;  // failed reads before this one
};

struct Intake {
  std::int64_t id = 0;
  bool duplicate = false;  // the event id was already kept: nothing changed but the count
};

// Keeps a verified notification once per (caisse, instance, event id). One statement, durable
// once it returns: the provider may be answered 2xx.
Result<Intake> keep_notification(store::PgConnection& db, const std::string& caisse_id,
                                 const std::string& instance, const std::string& event_id,
                                 const plugins::Webhook& webhook);

// Takes up to `limit` notifications due now, oldest first, and leases them for `lease` (another
// daemon sharing the database skips them meanwhile; a crash hands them back when it expires).
Result<std::vector<StoredNotification>> take_due(store::PgConnection& db, int limit,
                                                 std::chrono::seconds lease);

Result<void> mark_processed(store::PgConnection& db, std::int64_t id);

// Records a failed read. Before `max_attempts` the notification is due again after a delay that
// doubles with each attempt (`first_delay`, 2×, 4×...); then it is dead.
// Returns true when it is now dead.
Result<bool> mark_failed(store::PgConnection& db, std::int64_t id, const std::string& error,
                         int max_attempts, std::chrono::seconds first_delay);

struct DeadNotification {
  std::int64_t id = 0;
  std::string instance;
  std::string event_id;
  std::string received_at;
  int attempts = 0;
  std::string last_error;
};
Result<std::vector<DeadNotification>> dead_notifications(store::PgConnection& db,
                                                         const std::string& caisse_id);

// Puts a dead notification back in line (attempts reset). NOT_FOUND when the caisse has no dead
// notification with this id.
Result<void> replay(store::PgConnection& db, const std::string& caisse_id, std::int64_t id);

}  // namespace caisse::host::inbound
