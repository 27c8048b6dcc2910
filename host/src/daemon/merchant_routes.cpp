#include "daemon/merchant_routes.hpp"

#include <spdlog/spdlog.h>

#include "daemon/api_answers.hpp"
#include "daemon/currency_instances.hpp"
#include "daemon/merchant_answers.hpp"
#include "daemon/purchase_requests.hpp"
#include "merchants/merchant_sync.hpp"
#include "merchants/purchase_import.hpp"
#include "merchants/purchase_report.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;

void sync(const MerchantRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  answer_once(ctx.workers, ctx.idempotency, request, std::move(respond),
              [&ctx, id = (*caisse)->id, actor = request.principal]() {
                std::vector<merchants::SyncOutcome> outcomes;
                auto done = ctx.caisses.with_caisse_locked(
                    id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) {
                      outcomes = merchants::sync_merchants(db, caisse.id,
                                                           currency_instances(ctx.catalog, caisse));
                      return Result<void>();
                    });
                if (!done) return failure_answer(done.error());
                spdlog::info("event=merchants_sync_asked caisse={} actor={} instances={}", id,
                             actor, outcomes.size());
                return json_answer(boost::json::object{
                    {"caisse", id}, {"instances", sync_outcomes_json(outcomes)}});
              });
}

void import_purchases(const MerchantRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto period = parse_purchase_period(request.body);
  if (!period) return respond(failure_answer(period.error()));
  answer_once(ctx.workers, ctx.idempotency, request, std::move(respond),
              [&ctx, id = (*caisse)->id, p = *period, actor = request.principal]() {
                boost::json::object answer;
                auto done = ctx.caisses.with_caisse_locked(
                    id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) {
                      auto outcomes = merchants::import_purchases(
                          db, caisse, currency_instances(ctx.catalog, caisse), p);
                      answer = purchase_import_json(caisse, p, outcomes);
                      return Result<void>();
                    });
                if (!done) return failure_answer(done.error());
                spdlog::info("event=purchases_import_asked caisse={} actor={}", id, actor);
                return json_answer(answer);
              });
}

void report(const MerchantRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto month = parse_report_month(request.query);
  if (!month) return respond(failure_answer(month.error()));
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, id = (*caisse)->id, m = *month]() {
    boost::json::object answer;
    auto done = ctx.caisses.with_caisse_locked(
        id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) -> Result<void> {
          auto report = merchants::purchase_report(db, caisse.id, m);
          if (!report) return report.error();
          answer = purchase_report_json(caisse, m, *report);
          return {};
        });
    return done ? json_answer(answer) : failure_answer(done.error());
  });
}

}  // namespace

void add_merchant_routes(http::Router& router, const MerchantRoutesContext& ctx) {
  using http::Role;
  auto with = [&ctx](auto fn) { return with_context(ctx, fn); };
  const std::string base = "/api/v1/caisses/{caisse}";
  router.add("POST", base + "/merchants/sync",
             require_role_and_key(ctx.auth, {Role::operator_role}, with(sync)));
  router.add("POST", base + "/purchases/import",
             require_role_and_key(ctx.auth, {Role::operator_role}, with(import_purchases)));
  router.add("GET", base + "/purchases",
             http::require_role(ctx.auth, {Role::operator_role, Role::committee, Role::auditor},
                                with(report)));
}

}  // namespace caisse::host::daemon
