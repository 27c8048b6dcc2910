#include "daemon/money_in_routes.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <chrono>
#include <memory>

#include "bank/line_queue.hpp"
#include "daemon/api_answers.hpp"
#include "daemon/purchase_requests.hpp"
#include "http/query_fields.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;

constexpr int kMaxListedLines = 1000;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// {"caisse": id, key: [...]}, the rows `fill` appends on a leased connection.
template <class Fill>
http::Response listing_answer(const MoneyInRoutesContext& ctx, const std::string& id,
                              const char* key, Fill fill) {
  boost::json::array rows;
  auto done = ctx.money_in.with_database([&](store::PgConnection& db) { return fill(db, rows); });
  return done ? json_answer(boost::json::object{{"caisse", id}, {key, rows}})
              : failure_answer(done.error());
}

void receive_webhook(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto shared = std::make_shared<Request>(std::move(request));
  const std::int64_t received_ms = now_ms();
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, shared, received_ms]() {
    const std::string caisse = shared->path_params.at("caisse");
    const std::string instance = shared->path_params.at("instance");
    plugins::Webhook webhook{shared->headers, std::move(shared->body), received_ms};
    auto answer = ctx.money_in.receive_webhook(caisse, instance, webhook);
    if (!answer) return failure_answer(answer.error());
    using Kind = WebhookAnswer::Kind;
    if (answer->kind == Kind::forged || answer->kind == Kind::malformed) {
      // The body is not logged: it is unverified, and may hold personal data.
      spdlog::warn("event=webhook_refused caisse={} instance={} from={} reason=\"{}\"", caisse,
                   instance, shared->remote_address, answer->message);
      return http::json_error(answer->kind == Kind::forged ? 401 : 400, answer->message);
    }
    const bool duplicate = answer->kind == Kind::duplicate;
    if (!duplicate && ctx.notification_kept) ctx.notification_kept();
    return json_answer(
        boost::json::object{{"event_id", answer->event_id}, {"duplicate", duplicate}});
  });
}

void dead_webhooks(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, id = (*caisse)->id]() {
    return listing_answer(ctx, id, "dead", [&](store::PgConnection& db, boost::json::array& dead) {
      auto listed = inbound::dead_notifications(db, id);
      if (!listed) return Result<void>(listed.error());
      for (const auto& n : *listed) {
        dead.push_back({{"id", n.id},
                        {"instance", n.instance},
                        {"event_id", n.event_id},
                        {"received_at", n.received_at},
                        {"attempts", n.attempts},
                        {"last_error", n.last_error}});
      }
      return Result<void>();
    });
  });
}

Result<std::int64_t> id_param(const Request& request) {
  const std::string& text = request.path_params.at("id");
  try {
    std::size_t used = 0;
    const std::int64_t id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  return make_error("\"" + text + "\" is not an id", ErrorKind::not_found);
}

void replay_webhook(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto id = id_param(request);
  if (!id) return respond(failure_answer(id.error()));
  answer_once(ctx.workers, ctx.idempotency, request, std::move(respond),
              [&ctx, caisse_id = (*caisse)->id, id = *id, actor = request.principal]() {
                auto done = ctx.money_in.with_database(
                    [&](store::PgConnection& db) { return inbound::replay(db, caisse_id, id); });
                if (!done) return failure_answer(done.error());
                spdlog::info("event=webhook_replayed caisse={} id={} actor={}", caisse_id, id,
                             actor);
                if (ctx.notification_kept) ctx.notification_kept();
                return json_answer(boost::json::object{{"replayed", id}});
              });
}

boost::json::object statement_report_json(const bank::StatementImportReport& r) {
  boost::json::object out{{"file", r.file_name},
                          {"instance", r.instance},
                          {"already_imported", r.already_imported},
                          {"lines", r.lines},
                          {"new_lines", r.new_lines},
                          {"matched", r.matched},
                          {"unmatched", r.unmatched},
                          {"money_in_minor", r.money_in_minor},
                          {"money_out_minor", r.money_out_minor}};
  if (r.already_imported) {
    out["previous_file"] = r.previous_file_name;
    out["previous_imported_at"] = r.previous_imported_at;
  }
  return out;
}

void import_statement(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto shared = std::make_shared<Request>(std::move(request));
  answer_once(ctx.workers, ctx.idempotency, *shared, std::move(respond),
              [&ctx, id = (*caisse)->id, shared]() {
                const std::string& instance = shared->path_params.at("instance");
                const std::string file = uploaded_file_name(*shared, "statement");
                auto report = ctx.money_in.import_statement(id, instance, file, shared->body,
                                                            shared->principal);
                if (!report) return failure_answer(report.error());
                spdlog::info(
                    "event=statement_imported caisse={} instance={} file=\"{}\" actor={} "
                    "lines={} new={} matched={} unmatched={} already_imported={}",
                    id, instance, file, shared->principal, report->lines, report->new_lines,
                    report->matched, report->unmatched, report->already_imported);
                return json_answer(statement_report_json(*report));
              });
}

// The events a report or a listing recorded, and how many were new.
boost::json::object events_json(const std::vector<inbound::RecordedEvent>& events) {
  boost::json::array list;
  std::size_t created = 0;
  for (const auto& e : events) {
    created += e.created ? 1 : 0;
    list.push_back({{"event_id", e.event_id}, {"new", e.created}, {"effect", e.effect}});
  }
  return {{"events", list}, {"new_events", created}};
}

void import_report(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto shared = std::make_shared<Request>(std::move(request));
  answer_once(ctx.workers, ctx.idempotency, *shared, std::move(respond),
              [&ctx, id = (*caisse)->id, shared]() {
                const std::string& instance = shared->path_params.at("instance");
                const std::string file = uploaded_file_name(*shared, "report.xml");
                auto events = ctx.money_in.import_report(id, instance, file, shared->body);
                if (!events) return failure_answer(events.error());
                boost::json::object answer = events_json(*events);
                spdlog::info(
                    "event=payment_report_imported caisse={} instance={} file=\"{}\" actor={} "
                    "events={} new={}",
                    id, instance, file, shared->principal, events->size(),
                    answer["new_events"].as_uint64());
                answer["file"] = file;
                return json_answer(answer);
              });
}

// {"from":"2026-11-01","to":"2026-12-01"}, as for purchases: the provider's payments of those
// days, recorded once each (a notification already read records nothing again).
void import_listing(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto period = parse_purchase_period(request.body);
  if (!period) return respond(failure_answer(period.error()));
  answer_once(ctx.workers, ctx.idempotency, request, std::move(respond),
              [&ctx, id = (*caisse)->id, instance = request.path_params.at("instance"), p = *period,
               actor = request.principal]() {
                auto events = ctx.money_in.import_listing(id, instance, p.from_ms(), p.to_ms());
                if (!events) return failure_answer(events.error());
                boost::json::object answer = events_json(*events);
                spdlog::info(
                    "event=payments_listed caisse={} instance={} actor={} events={} new={}", id,
                    instance, actor, events->size(), answer["new_events"].as_uint64());
                return json_answer(answer);
              });
}

void bank_lines(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto fields = http::query_fields(request.query);
  if (!fields) return respond(http::json_error(400, fields.error().message));
  std::string status;
  for (const auto& [name, value] : *fields) {
    if (name != "status") return respond(http::json_error(400, "unknown parameter " + name));
    status = value;
  }
  if (!status.empty() && status != "unmatched" && status != "matched" && status != "ignored") {
    return respond(http::json_error(
        400, "status must be unmatched, matched or ignored, not \"" + status + "\""));
  }
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, id = (*caisse)->id, status]() {
    return listing_answer(ctx, id, "lines",
                          [&](store::PgConnection& db, boost::json::array& lines) {
                            auto listed = bank::statement_lines(db, id, status, kMaxListedLines);
                            if (!listed) return Result<void>(listed.error());
                            for (const auto& l : *listed) {
                              lines.push_back({{"id", l.id},
                                               {"booking_date", l.booking_date},
                                               {"amount_minor", l.amount_minor},
                                               {"currency", l.currency},
                                               {"counterparty", l.counterparty_name},
                                               {"remittance", l.remittance},
                                               {"end_to_end_id", l.end_to_end_id},
                                               {"return_reason", l.return_reason},
                                               {"location", l.location},
                                               {"status", l.status},
                                               {"matched_as", l.matched_as}});
                            }
                            return Result<void>();
                          });
  });
}

// {"household": "h1"} | {"funder": "ccas"} | {"provider": "card"} | {"ignore": true}, with an
// optional "note".
Result<bank::OperatorDecision> parse_decision(std::string_view body) {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(body, ec);
  if (ec || !parsed.is_object()) {
    return make_error("the body must be a JSON object", ErrorKind::invalid);
  }
  bank::OperatorDecision decision;
  for (const auto& [key, value] : parsed.as_object()) {
    if (key == "household" && value.is_string()) {
      decision.household_id = std::string(value.as_string());
    } else if (key == "funder" && value.is_string()) {
      decision.funder_id = std::string(value.as_string());
    } else if (key == "provider" && value.is_string()) {
      decision.provider_instance = std::string(value.as_string());
    } else if (key == "ignore" && value.is_bool()) {
      decision.ignore = value.as_bool();
    } else if (key == "note" && value.is_string()) {
      decision.note = std::string(value.as_string());
    } else {
      return make_error("field \"" + std::string(key) +
                            "\": expected household, funder or provider (a string), ignore (a "
                            "boolean) or note (a string)",
                        ErrorKind::invalid);
    }
  }
  return decision;
}

void decide_line(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto id = id_param(request);
  if (!id) return respond(failure_answer(id.error()));
  auto decision = parse_decision(request.body);
  if (!decision) return respond(failure_answer(decision.error()));
  decision->actor = request.principal;
  answer_once(ctx.workers, ctx.idempotency, request, std::move(respond),
              [&ctx, caisse_ptr = *caisse, id = *id, d = *decision]() {
                auto done = ctx.money_in.with_database([&](store::PgConnection& db) {
                  return bank::decide_queued_line(db, *caisse_ptr, id, d);
                });
                if (!done) return failure_answer(done.error());
                spdlog::info("event=bank_line_decided caisse={} line={} actor={} ignore={}",
                             caisse_ptr->id, id, d.actor, d.ignore);
                return json_answer(boost::json::object{{"line", id}, {"decided", true}});
              });
}

}  // namespace

void add_money_in_routes(http::Router& router, const MoneyInRoutesContext& ctx) {
  using http::Role;
  auto with = [&ctx](auto fn) { return with_context(ctx, fn); };
  const std::string base = "/api/v1/caisses/{caisse}";
  // Bank lines carry counterparties' names and remittance texts, dead notifications the errors a
  // provider's payment data raised: personal data, one payment at a time. The committee reads
  // aggregates (the dashboard), not these.
  const std::initializer_list<Role> readers{Role::operator_role, Role::auditor};
  auto operators = [&ctx, &with](auto fn) {
    return require_role_and_key(ctx.auth, {Role::operator_role}, with(fn));
  };
  router.add("POST", "/webhooks/{caisse}/{instance}", with(receive_webhook), ctx.max_webhook_bytes);
  router.add("GET", base + "/webhooks/dead",
             http::require_role(ctx.auth, readers, with(dead_webhooks)));
  router.add("POST", base + "/webhooks/dead/{id}/replay", operators(replay_webhook));
  router.add("POST", base + "/statements/{instance}", operators(import_statement),
             ctx.max_import_bytes);
  router.add("POST", base + "/payment-reports/{instance}", operators(import_report),
             ctx.max_import_bytes);
  router.add("POST", base + "/payments/{instance}/import", operators(import_listing));
  router.add("GET", base + "/bank-lines", http::require_role(ctx.auth, readers, with(bank_lines)));
  router.add("POST", base + "/bank-lines/{id}/decision", operators(decide_line));
}

}  // namespace caisse::host::daemon
