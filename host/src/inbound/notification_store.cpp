#include "inbound/notification_store.hpp"

#include <algorithm>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "store/bytea.hpp"

namespace caisse::host::inbound {
namespace {

std::string headers_json(const plugins::Webhook& webhook) {
  boost::json::array headers;
  for (const auto& [name, value] : webhook.headers) headers.push_back({name, value});
  return boost::json::serialize(headers);
}

Result<std::vector<std::pair<std::string, std::string>>> headers_from_json(std::string_view text) {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(text, ec);
  if (ec || !parsed.is_array()) return make_error("stored headers are not a JSON array");
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& pair : parsed.as_array()) {
    const auto* items = pair.if_array();
    if (items == nullptr || items->size() != 2 || !(*items)[0].is_string() ||
        !(*items)[1].is_string()) {
      return make_error("a stored header is not a [name, value] pair");
    }
    headers.emplace_back((*items)[0].as_string(), (*items)[1].as_string());
  }
  return headers;
}

}  // namespace

Result<Intake> keep_notification(store::PgConnection& db, const std::string& caisse_id,
                                 const std::string& instance, const std::string& event_id,
                                 const plugins::Webhook& webhook) {
  // xmax is 0 on a row this statement inserted, and set on one it updated.
  auto kept = db.exec_params(
      "INSERT INTO inbound_events (caisse_id, instance, event_id, headers, body, received_ms)"
      " VALUES ($1, $2, $3, $4::jsonb, $5::bytea, $6::bigint)"
      " ON CONFLICT (caisse_id, instance, event_id) DO UPDATE"
      "   SET duplicates = inbound_events.duplicates + 1, last_duplicate_at = now()"
      " RETURNING id, (xmax <> 0)",
      {caisse_id, instance, event_id, headers_json(webhook), store::bytea_hex(webhook.body),
       std::to_string(webhook.received_ms)});
  if (!kept) return kept.error();
  return Intake{std::stoll(std::string(kept->get(0, 0))), kept->get(0, 1) == "t"};
}

Result<std::vector<StoredNotification>> take_due(store::PgConnection& db, int limit,
                                                 std::chrono::seconds lease) {
  auto taken = db.exec_params(
      "UPDATE inbound_events e SET next_attempt_at = now() + make_interval(secs => $2::integer)"
      "  FROM (SELECT id FROM inbound_events"
      "         WHERE state = 'received' AND next_attempt_at <= now()"
      "         ORDER BY next_attempt_at, id LIMIT $1::integer FOR UPDATE SKIP LOCKED) due"
      " WHERE e.id = due.id"
      " RETURNING e.id, e.caisse_id, e.instance, e.event_id, e.headers::text, e.body,"
      "           e.received_ms, e.attempts",
      {std::to_string(limit), std::to_string(lease.count())});
  if (!taken) return taken.error();
  std::vector<StoredNotification> due;
  for (int r = 0; r < taken->rows(); ++r) {
    StoredNotification n;
    n.id = std::stoll(std::string(taken->get(r, 0)));
    n.caisse_id = taken->get(r, 1);
    n.instance = taken->get(r, 2);
    n.event_id = taken->get(r, 3);
    auto headers = headers_from_json(taken->get(r, 4));
    if (!headers) return headers.error();
    n.webhook.headers = std::move(*headers);
    auto body = store::decode_bytea(taken->get(r, 5));
    if (!body) return body.error();
    n.webhook.body = std::move(*body);
    n.webhook.received_ms = std::stoll(std::string(taken->get(r, 6)));
    n.attempts = std::stoi(std::string(taken->get(r, 7)));
    due.push_back(std::move(n));
  }
  // Oldest first, as the provider sent them: the UPDATE returns rows in no particular order.
  std::sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return due;
}

Result<void> mark_processed(store::PgConnection& db, std::int64_t id) {
  auto marked = db.exec_params(
      "UPDATE inbound_events SET state = 'processed', processed_at = now(), last_error = NULL"
      " WHERE id = $1::bigint",
      {std::to_string(id)});
  if (!marked) return marked.error();
  return {};
}

Result<bool> mark_failed(store::PgConnection& db, std::int64_t id, const std::string& error,
                         int max_attempts, std::chrono::seconds first_delay) {
  auto marked = db.exec_params(
      "UPDATE inbound_events"
      "   SET attempts = attempts + 1, last_error = $2,"
      "       state = CASE WHEN attempts + 1 >= $3::integer THEN 'dead' ELSE 'received' END,"
      "       next_attempt_at = now() + make_interval(secs => $4::integer * (1 << least(attempts, "
      "20)))"
      " WHERE id = $1::bigint RETURNING state",
      {std::to_string(id), error, std::to_string(max_attempts),
       std::to_string(first_delay.count())});
  if (!marked) return marked.error();
  return marked->rows() > 0 && marked->get(0, 0) == "dead";
}

Result<std::vector<DeadNotification>> dead_notifications(store::PgConnection& db,
                                                         const std::string& caisse_id) {
  auto dead = db.exec_params(
      "SELECT id, instance, event_id, to_char(received_at, 'YYYY-MM-DD\"T\"HH24:MI:SSOF'),"
      "       attempts, coalesce(last_error, '')"
      "  FROM inbound_events WHERE caisse_id = $1 AND state = 'dead' ORDER BY id",
      {caisse_id});
  if (!dead) return dead.error();
  std::vector<DeadNotification> out;
  for (int r = 0; r < dead->rows(); ++r) {
    out.push_back({std::stoll(std::string(dead->get(r, 0))), std::string(dead->get(r, 1)),
                   std::string(dead->get(r, 2)), std::string(dead->get(r, 3)),
                   std::stoi(std::string(dead->get(r, 4))), std::string(dead->get(r, 5))});
  }
  return out;
}

Result<void> replay(store::PgConnection& db, const std::string& caisse_id, std::int64_t id) {
  auto replayed = db.exec_params(
      "UPDATE inbound_events SET state = 'received', attempts = 0, next_attempt_at = now()"
      " WHERE caisse_id = $1 AND id = $2::bigint AND state = 'dead' RETURNING id",
      {caisse_id, std::to_string(id)});
  if (!replayed) return replayed.error();
  if (replayed->rows() == 0) {
    return make_error("caisse " + caisse_id + " has no dead notification " + std::to_string(id),
                      ErrorKind::not_found);
  }
  return {};
}

}  // namespace caisse::host::inbound
