#include "daemon/dashboard_routes.hpp"

#include "daemon/api_answers.hpp"
#include "daemon/dashboard_answers.hpp"
#include "dashboard/month_dashboard.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;

// As long as a cycle step waits for one: the pool is shared with them.
constexpr auto kConnectionWait = std::chrono::seconds(10);

void list_caisses(const DashboardRoutesContext& ctx, Request&&, Responder respond) {
  respond(json_answer(caisses_json(ctx.config)));
}

void show_month(const DashboardRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto month = parse_month(request.path_params.at("month"));
  // A malformed path parameter is a bad request; the caisse's data has nothing to do with it.
  if (!month) return respond(http::json_error(400, "month: " + month.error().message));
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, caisse = *caisse, m = *month]() {
    auto lease = ctx.pool.acquire(kConnectionWait);
    if (!lease) return http::json_error(503, lease.error().message);
    const ledger::Date today = ctx.today();
    auto figures = dashboard::read_month_dashboard(**lease, *caisse, m, today);
    return figures ? json_answer(month_dashboard_json(*caisse, m, today, *figures))
                   : failure_answer(figures.error());
  });
}

}  // namespace

void add_dashboard_routes(http::Router& router, const DashboardRoutesContext& ctx) {
  using http::Role;
  router.add("GET", "/api/v1/caisses",
             http::require_role(
                 ctx.auth, {Role::operator_role, Role::committee, Role::auditor, Role::researcher},
                 with_context(ctx, list_caisses)));
  router.add("GET", "/api/v1/caisses/{caisse}/dashboard/{month}",
             http::require_role(ctx.auth, {Role::operator_role, Role::committee, Role::auditor},
                                with_context(ctx, show_month)));
}

}  // namespace caisse::host::daemon
