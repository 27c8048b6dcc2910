#include "daemon/cycle_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "daemon/api_answers.hpp"
#include "daemon/cycle_answers.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;
using http::Response;

// The caisse and month of the path, or the answer refusing them.
struct Target {
  const config::CaisseConfig* caisse = nullptr;
  Month month;
};

Result<Target> target_of(const CycleRoutesContext& ctx, const Request& request) {
  const std::string& id = request.path_params.at("caisse");
  const config::CaisseConfig* caisse = ctx.cycles.find_caisse(id);
  if (caisse == nullptr) {
    return make_error("no caisse \"" + id + "\" in this daemon", ErrorKind::not_found);
  }
  auto month = parse_month(request.path_params.at("month"));
  if (!month) return Error{month.error().message, ErrorKind::invalid};
  return Target{caisse, *month};
}

void show(const CycleRoutesContext& ctx, cycle::CycleKind kind, Request&& request,
          Responder respond) {
  auto target = target_of(ctx, request);
  if (!target) return respond(failure_answer(target.error()));
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, kind, t = *target]() {
    auto s = ctx.cycles.summary(t.caisse->id, t.month, kind);
    return s ? json_answer(cycle_summary_object(*s, t.caisse->currency.minor_unit))
             : failure_answer(s.error());
  });
}

void report(const CycleRoutesContext& ctx, cycle::CycleKind kind, Request&& request,
            Responder respond) {
  auto target = target_of(ctx, request);
  if (!target) return respond(failure_answer(target.error()));
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, kind, t = *target]() {
    auto s = ctx.cycles.summary(t.caisse->id, t.month, kind);
    if (!s) return failure_answer(s.error());
    boost::json::array lines;
    auto listed = ctx.cycles.for_each_line(
        t.caisse->id, t.month,
        [&](const std::vector<cycle::CycleLine>& batch) -> Result<void> {
          for (const auto& l : batch) {
            lines.push_back({{"household_id", l.household_id},
                             {"amount_minor", l.amount_minor},
                             {"rule_version", l.rule_version},
                             {"operation_id", l.operation_id},
                             {"status", cycle::status_name(l.status)},
                             {"attempts", l.attempts},
                             {"external_ref", l.external_ref},
                             {"message", l.message}});
          }
          return {};
        },
        kind);
    if (!listed) return failure_answer(listed.error());
    auto in = ctx.cycles.money_in(t.caisse->id, t.month);
    if (!in) return failure_answer(in.error());
    return json_answer(
        boost::json::object{{"summary", cycle_summary_object(*s, t.caisse->currency.minor_unit)},
                            {"money_in", money_in_array(*in)},
                            {"money_out", money_out_array(*s)},
                            {"lines", std::move(lines)}});
  });
}

void run_step(const CycleRoutesContext& ctx, cycle::CycleKind kind, Request&& request,
              Responder respond) {
  auto target = target_of(ctx, request);
  if (!target) return respond(failure_answer(target.error()));
  auto step = parse_cycle_step(request.path_params.at("step"));
  if (!step) return respond(failure_answer(step.error()));
  answer_once(ctx.workers, ctx.idempotency, request, std::move(respond),
              [&ctx, kind, t = *target, s = *step, actor = request.principal]() {
                auto done = ctx.cycles.run(t.caisse->id, t.month, s, actor, kind);
                return done
                           ? json_answer(cycle_summary_object(*done, t.caisse->currency.minor_unit))
                           : failure_answer(done.error());
              });
}

}  // namespace

void add_cycle_routes(http::Router& router, const CycleRoutesContext& ctx) {
  using http::Role;
  // Both kinds of cycle answer the same routes, each under its own path.
  for (auto [kind, path] : {std::pair{cycle::CycleKind::allocation, "cycles"},
                            std::pair{cycle::CycleKind::bonus, "bonuses"}}) {
    auto with = [&ctx, kind = kind](auto fn) {
      return [&ctx, kind, fn](Request&& request, Responder respond) {
        fn(ctx, kind, std::move(request), std::move(respond));
      };
    };
    const std::string base = std::string("/api/v1/caisses/{caisse}/") + path + "/{month}";
    router.add("GET", base,
               http::require_role(ctx.auth, {Role::operator_role, Role::committee, Role::auditor},
                                  with(show)));
    router.add("GET", base + "/report",
               http::require_role(ctx.auth, {Role::operator_role, Role::committee, Role::auditor},
                                  with(report)));
    router.add("POST", base + "/{step}",
               require_role_and_key(ctx.auth, {Role::operator_role}, with(run_step)));
  }
}

}  // namespace caisse::host::daemon
