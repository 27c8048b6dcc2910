#include "daemon/money_in_service.hpp"

#include <spdlog/spdlog.h>

#include "collection/run_store.hpp"

namespace caisse::host::daemon {
namespace {

constexpr auto kConnectionWait = std::chrono::seconds(10);
// A notification whose read fails is tried again after 30 s, 1 min, 2 min, 4 min, then filed
// as dead for an operator: a provider's API down for ten minutes does not lose anything.
constexpr int kMaxAttempts = 5;
constexpr auto kFirstRetryDelay = std::chrono::seconds(30);
// How long a taken notification is someone's: longer than any plugin call may take.
constexpr auto kLease = std::chrono::seconds(300);

}  // namespace

MoneyInService::MoneyInService(const PluginCatalog& catalog, const CycleService& caisses,
                               store::ConnectionPool& pool)
    : catalog_(catalog), caisses_(caisses), pool_(pool) {
  for (const auto& record : catalog_.instances()) {
    if (record.running) locks_.emplace(record.running.get(), std::make_unique<std::mutex>());
  }
}

Result<MoneyInService::Running> MoneyInService::running(std::string_view caisse_id,
                                                        std::string_view instance) const {
  const config::CaisseConfig* caisse = caisses_.find_caisse(caisse_id);
  if (caisse == nullptr) {
    return make_error("no caisse \"" + std::string(caisse_id) + "\"", ErrorKind::not_found);
  }
  if (const InstanceRecord* record = catalog_.find_instance(caisse_id, instance)) {
    if (!record->running) {
      return make_error("instance " + std::string(caisse_id) + "/" + std::string(instance) +
                            " is not running: " + record->error,
                        ErrorKind::unavailable);
    }
    return Running{caisse, record->running.get(), locks_.at(record->running.get()).get()};
  }
  return make_error("caisse " + std::string(caisse_id) + " has no plugin instance \"" +
                        std::string(instance) + "\"",
                    ErrorKind::not_found);
}

Result<void> MoneyInService::with_database(
    const std::function<Result<void>(store::PgConnection&)>& work) {
  auto lease = pool_.acquire(kConnectionWait);
  if (!lease) return make_error(lease.error().message, ErrorKind::unavailable);
  return work(**lease);
}

Result<WebhookAnswer> MoneyInService::receive_webhook(std::string_view caisse_id,
                                                      std::string_view instance,
                                                      const plugins::Webhook& webhook) {
  auto found = running(caisse_id, instance);
  if (!found) return found.error();
  if (!found->instance->verifies_webhooks()) {
    return make_error("instance " + std::string(caisse_id) + "/" + std::string(instance) +
                          " takes no notifications",
                      ErrorKind::not_found);
  }
  WebhookAnswer answer;
  {
    std::lock_guard lock(*found->lock);
    auto verified = found->instance->verify_webhook(webhook);
    if (!verified) {
      answer.kind = found->instance->last_call_denied() ? WebhookAnswer::Kind::forged
                                                        : WebhookAnswer::Kind::malformed;
      answer.message = verified.error().message;
      return answer;
    }
    answer.event_id = std::move(*verified);
  }
  std::optional<inbound::Intake> intake;
  auto kept = with_database([&](store::PgConnection& db) -> Result<void> {
    auto stored = inbound::keep_notification(db, found->caisse->id, std::string(instance),
                                             answer.event_id, webhook);
    if (!stored) return make_error(stored.error().message, ErrorKind::unavailable);
    intake = *stored;
    return {};
  });
  if (!kept) return kept.error();
  answer.kind = intake->duplicate ? WebhookAnswer::Kind::duplicate : WebhookAnswer::Kind::kept;
  return answer;
}

NotificationRound MoneyInService::process_due(int limit) {
  NotificationRound round;
  auto lease = pool_.acquire(kConnectionWait);
  if (!lease) {
    spdlog::warn("event=notifications_round_skipped reason=\"{}\"", lease.error().message);
    return round;
  }
  store::PgConnection& db = **lease;
  auto due = inbound::take_due(db, limit, kLease);
  if (!due) {
    spdlog::warn("event=notifications_round_failed reason=\"{}\"", due.error().message);
    return round;
  }
  for (const inbound::StoredNotification& n : *due) {
    auto processed = [&]() -> Result<std::size_t> {
      auto found = running(n.caisse_id, n.instance);
      if (!found) return found.error();
      std::vector<plugins::PaymentEvent> events;
      {
        std::lock_guard lock(*found->lock);
        auto read = found->instance->read_webhook(n.webhook);
        if (!read) return read.error();
        events = std::move(*read);
      }
      auto recorded =
          inbound::record_payment_events(db, *found->caisse, n.instance, "webhook", events);
      if (!recorded) return recorded.error();
      if (auto marked = inbound::mark_processed(db, n.id); !marked) return marked.error();
      return recorded->size();
    }();
    if (processed) {
      ++round.processed;
      spdlog::info("event=notification_processed caisse={} instance={} event_id=\"{}\" events={}",
                   n.caisse_id, n.instance, n.event_id, *processed);
      continue;
    }
    ++round.failed;
    auto dead =
        inbound::mark_failed(db, n.id, processed.error().message, kMaxAttempts, kFirstRetryDelay);
    if (dead && *dead) ++round.dead;
    spdlog::warn(
        "event=notification_failed caisse={} instance={} event_id=\"{}\" attempt={} dead={} "
        "reason=\"{}\"",
        n.caisse_id, n.instance, n.event_id, n.attempts + 1, dead && *dead,
        processed.error().message);
  }
  return round;
}

Result<bank::StatementImportReport> MoneyInService::import_statement(std::string_view caisse_id,
                                                                     std::string_view instance,
                                                                     const std::string& file_name,
                                                                     std::string_view content,
                                                                     const std::string& actor) {
  auto found = running(caisse_id, instance);
  if (!found) return found.error();
  if (!found->instance->parses_statements()) {
    return make_error("instance " + std::string(caisse_id) + "/" + std::string(instance) +
                          " does not read bank statements",
                      ErrorKind::invalid);
  }
  std::optional<bank::StatementImportReport> report;
  auto done = with_database([&](store::PgConnection& db) -> Result<void> {
    std::lock_guard lock(*found->lock);
    auto imported =
        bank::import_statement(db, *found->caisse, *found->instance, file_name, content, actor);
    if (!imported) return imported.error();
    report = std::move(*imported);
    return {};
  });
  if (!done) return done.error();
  return std::move(*report);
}

Result<std::vector<inbound::RecordedEvent>> MoneyInService::import_report(
    std::string_view caisse_id, std::string_view instance, const std::string& file_name,
    std::string_view content) {
  auto found = running(caisse_id, instance);
  if (!found) return found.error();
  if (!found->instance->reads_reports()) {
    return make_error("instance " + std::string(caisse_id) + "/" + std::string(instance) +
                          " does not read payment status reports",
                      ErrorKind::invalid);
  }
  std::vector<plugins::PaymentEvent> events;
  {
    std::lock_guard lock(*found->lock);
    auto read = found->instance->read_report(file_name, content);
    if (!read) return make_error(read.error().message, ErrorKind::invalid);
    events = std::move(*read);
  }
  std::optional<std::vector<inbound::RecordedEvent>> recorded;
  auto done = with_database([&](store::PgConnection& db) -> Result<void> {
    auto applied =
        inbound::record_payment_events(db, *found->caisse, std::string(instance), "report", events);
    if (!applied) return applied.error();
    recorded = std::move(*applied);
    return {};
  });
  if (!done) return done.error();
  return std::move(*recorded);
}

Result<std::vector<inbound::RecordedEvent>> MoneyInService::import_listing(
    std::string_view caisse_id, std::string_view instance, std::int64_t from_ms,
    std::int64_t to_ms) {
  auto found = running(caisse_id, instance);
  if (!found) return found.error();
  std::vector<plugins::PaymentEvent> events;
  {
    std::lock_guard lock(*found->lock);
    auto listed = found->instance->list_payments(from_ms, to_ms);
    if (!listed) {
      return make_error(listed.error().message, found->instance->last_call_unsupported()
                                                    ? ErrorKind::invalid
                                                    : ErrorKind::unavailable);
    }
    events = std::move(*listed);
  }
  std::optional<std::vector<inbound::RecordedEvent>> recorded;
  auto done = with_database([&](store::PgConnection& db) -> Result<void> {
    auto applied = inbound::record_payment_events(db, *found->caisse, std::string(instance),
                                                  "listing", events);
    if (!applied) return applied.error();
    recorded = std::move(*applied);
    return {};
  });
  if (!done) return done.error();
  return std::move(*recorded);
}

Result<std::string> MoneyInService::write_debit_file(std::string_view caisse_id, Month month) {
  std::optional<collection::Run> run;
  auto loaded = with_database([&](store::PgConnection& db) -> Result<void> {
    auto found = collection::load_run(db, caisse_id, month);
    if (!found) return found.error();
    if (!*found) {
      return make_error("caisse " + std::string(caisse_id) + " has no direct-debit run for " +
                            month.to_string() + ": draft it first",
                        ErrorKind::not_found);
    }
    run = std::move(**found);
    return {};
  });
  if (!loaded) return loaded.error();
  auto found = running(caisse_id, run->collector);
  if (!found) return found.error();
  std::string file;
  {
    std::lock_guard lock(*found->lock);
    auto written = found->instance->write_debits(collection::for_collector(run->batch));
    if (!written) return make_error(written.error().message, ErrorKind::invalid);
    file = std::move(*written);
  }
  auto frozen = with_database([&](store::PgConnection& db) -> Result<void> {
    auto marked = collection::mark_file_written(db, caisse_id, month);
    if (!marked) return marked.error();
    return {};
  });
  if (!frozen) return frozen.error();
  return file;
}

}  // namespace caisse::host::daemon
