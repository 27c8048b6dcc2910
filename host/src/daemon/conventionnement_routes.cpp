#include "daemon/conventionnement_routes.hpp"

#include <spdlog/spdlog.h>

#include <memory>

#include "csv/iso_date.hpp"
#include "cycle/allocation_cycle.hpp"
#include "daemon/api_answers.hpp"
#include "daemon/conventionnement_answers.hpp"
#include "daemon/conventionnement_requests.hpp"
#include "daemon/currency_instances.hpp"
#include "daemon/merchant_answers.hpp"
#include "daemon/purchase_requests.hpp"
#include "merchants/merchant_sync.hpp"
#include "merchants/purchase_report.hpp"
#include "registry/merchants_gate.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;

struct Routes {
  ConventionnementRoutesContext ctx;
  std::function<std::string()> today;
};
using Shared = std::shared_ptr<const Routes>;

std::string utc_today() {
  return csv::format_date(cycle::system_today());
}

// Runs `work` with the caisse locked on a worker (once per Idempotency-Key for a POST) and
// answers the object it fills.
using Work = std::function<Result<void>(const config::CaisseConfig&, store::PgConnection&,
                                        boost::json::object&)>;

void run(const Shared& routes, const Request& request, Responder respond, bool once, Work work) {
  auto caisse = caisse_of(routes->ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto job = [routes, id = (*caisse)->id, work = std::move(work)]() {
    boost::json::object answer{{"caisse", id}};
    auto done = routes->ctx.caisses.with_caisse_locked(
        id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) {
          return work(caisse, db, answer);
        });
    return done ? json_answer(answer) : failure_answer(done.error());
  };
  if (once) {
    answer_once(routes->ctx.workers, routes->ctx.idempotency, request, std::move(respond), job);
  } else {
    answer_on_worker(routes->ctx.workers, std::move(respond), job);
  }
}

// After a commit that changed gates: the caisse's list goes to every currency instance when a
// gate flipped ("sync" is then their answers, otherwise empty).
void push_if_flipped(const Routes& routes, const config::CaisseConfig& caisse,
                     store::PgConnection& db, const std::vector<registry::GateChange>& changes,
                     boost::json::object& answer) {
  answer["changes"] = gate_changes_json(changes);
  std::vector<merchants::SyncOutcome> pushed;
  if (registry::any_gate_flipped(changes)) {
    pushed =
        merchants::sync_merchants(db, caisse.id, currency_instances(routes.ctx.catalog, caisse));
  }
  answer["sync"] = sync_outcomes_json(pushed);
}

void list(const Shared& routes, Request&& request, Responder respond) {
  run(routes, request, std::move(respond), false,
      [](const config::CaisseConfig& caisse, store::PgConnection& db,
         boost::json::object& answer) -> Result<void> {
        auto merchants = registry::list_merchants(db, caisse.id);
        if (!merchants) return merchants.error();
        boost::json::array out;
        for (const auto& merchant : *merchants) out.push_back(merchant_json(merchant));
        answer["merchants"] = std::move(out);
        return {};
      });
}

Result<boost::json::array> evaluations_json(store::PgConnection& db, std::string_view caisse_id,
                                            std::string_view merchant_id) {
  auto ids = merchants::evaluations_of(db, caisse_id, merchant_id);
  if (!ids) return ids.error();
  boost::json::array out;
  for (auto id : *ids) {
    auto evaluation = merchants::load_evaluation(db, caisse_id, id);
    if (!evaluation) return evaluation.error();
    out.push_back(evaluation_json(*evaluation));
  }
  return out;
}

void show(const Shared& routes, Request&& request, Responder respond) {
  run(routes, request, std::move(respond), false,
      [id = request.path_params.at("merchant")](const config::CaisseConfig& caisse,
                                                store::PgConnection& db,
                                                boost::json::object& answer) -> Result<void> {
        auto merchants = registry::list_merchants(db, caisse.id);
        if (!merchants) return merchants.error();
        auto found = std::find_if(merchants->begin(), merchants->end(),
                                  [&id](const auto& merchant) { return merchant.id == id; });
        if (found == merchants->end()) {
          return make_error("no merchant \"" + id + "\" in caisse " + caisse.id,
                            ErrorKind::not_found);
        }
        answer["merchant"] = merchant_json(*found);
        auto decisions = merchants::decisions_of(db, caisse.id, id);
        if (!decisions) return decisions.error();
        boost::json::array decided;
        for (const auto& decision : *decisions) decided.push_back(decision_json(decision));
        answer["decisions"] = std::move(decided);
        auto evaluations = evaluations_json(db, caisse.id, id);
        if (!evaluations) return evaluations.error();
        answer["evaluations"] = std::move(*evaluations);
        auto history = merchants::gate_history_of(db, caisse.id, id);
        if (!history) return history.error();
        answer["history"] = gate_history_json(*history);
        return {};
      });
}

void report(const Shared& routes, Request&& request, Responder respond) {
  auto month = parse_report_month(request.query);
  if (!month) return respond(failure_answer(month.error()));
  run(routes, request, std::move(respond), false,
      [routes, m = *month](const config::CaisseConfig& caisse, store::PgConnection& db,
                           boost::json::object& answer) -> Result<void> {
        const std::string today = routes->today();
        auto purchases = merchants::purchase_report(db, caisse.id, m);
        if (!purchases) return purchases.error();
        auto overdue = merchants::overdue_evaluations(db, caisse.id, today);
        if (!overdue) return overdue.error();
        answer["today"] = today;
        answer["purchases"] = purchase_report_json(caisse, m, *purchases);
        answer["overdue_evaluations"] = overdue_json(*overdue);
        return {};
      });
}

void refresh(const Shared& routes, Request&& request, Responder respond) {
  run(routes, request, std::move(respond), true,
      [routes, actor = request.principal](const config::CaisseConfig& caisse,
                                          store::PgConnection& db,
                                          boost::json::object& answer) -> Result<void> {
        auto changes = registry::refresh_merchant_gates(db, caisse.id, routes->today(), "refresh");
        if (!changes) return changes.error();
        spdlog::info("event=merchant_gates_refreshed caisse={} actor={} changes={}", caisse.id,
                     actor, changes->size());
        push_if_flipped(*routes, caisse, db, *changes, answer);
        return {};
      });
}

void record_evaluation(const Shared& routes, Request&& request, Responder respond) {
  auto version = parse_evaluation_query(request.query);
  if (!version) return respond(failure_answer(version.error()));
  merchants::EvaluationFile file;
  file.name = uploaded_file_name(request, "evaluation.toml");
  file.text = request.body;
  file.expected_version = *version;
  file.recorded_by = request.principal;
  run(routes, request, std::move(respond), true,
      [file = std::move(file)](const config::CaisseConfig& caisse, store::PgConnection& db,
                               boost::json::object& answer) -> Result<void> {
        auto recorded =
            merchants::record_evaluation(db, caisse.id, caisse.accreditation.grids_dir, file);
        if (!recorded) return recorded.error();
        spdlog::info("event=evaluation_recorded caisse={} evaluation={} merchant={} fresh={}",
                     caisse.id, recorded->id, recorded->evaluation.merchant_id, recorded->fresh);
        answer["recorded"] = recorded->fresh;
        answer["evaluation"] = evaluation_json(*recorded);
        return {};
      });
}

void show_evaluation(const Shared& routes, Request&& request, Responder respond) {
  const std::string& text = request.path_params.at("id");
  std::int64_t id = 0;
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos || (id = std::stoll(text)) <= 0) {
    return respond(http::json_error(404, "\"" + text + "\" is not an evaluation id"));
  }
  run(routes, request, std::move(respond), false,
      [id](const config::CaisseConfig& caisse, store::PgConnection& db,
           boost::json::object& answer) -> Result<void> {
        auto evaluation = merchants::load_evaluation(db, caisse.id, id);
        if (!evaluation) return evaluation.error();
        answer["evaluation"] = evaluation_json(*evaluation);
        return {};
      });
}

void record_decision(const Shared& routes, Request&& request, Responder respond) {
  auto decision = parse_decision(request.body, request.principal);
  if (!decision) return respond(failure_answer(decision.error()));
  run(routes, request, std::move(respond), true,
      [routes, d = std::move(*decision)](const config::CaisseConfig& caisse,
                                         store::PgConnection& db,
                                         boost::json::object& answer) -> Result<void> {
        auto recorded = merchants::record_decision(db, caisse.id, d, routes->today());
        if (!recorded) return recorded.error();
        spdlog::info("event=decision_recorded caisse={} decision={} merchant={} kind={} fresh={}",
                     caisse.id, recorded->id, d.merchant_id, d.decision, recorded->fresh);
        answer["decision_id"] = recorded->id;
        answer["recorded"] = recorded->fresh;
        push_if_flipped(*routes, caisse, db, recorded->changes, answer);
        return {};
      });
}

}  // namespace

void add_conventionnement_routes(http::Router& router, const ConventionnementRoutesContext& context,
                                 std::function<std::string()> today) {
  using http::Role;
  auto routes = std::make_shared<const Routes>(
      Routes{context, today ? std::move(today) : std::function<std::string()>(utc_today)});
  auto with = [routes](auto fn) -> http::Handler {
    return [routes, fn](Request&& request, Responder respond) {
      fn(routes, std::move(request), std::move(respond));
    };
  };
  const auto& auth = context.auth;
  const std::string base = "/api/v1/caisses/{caisse}";
  const std::initializer_list<Role> readers = {Role::operator_role, Role::committee, Role::auditor};
  const std::initializer_list<Role> committee = {Role::operator_role, Role::committee};
  router.add("GET", base + "/merchants", http::require_role(auth, readers, with(list)));
  router.add("GET", base + "/merchants/report", http::require_role(auth, readers, with(report)));
  router.add("GET", base + "/merchants/{merchant}", http::require_role(auth, readers, with(show)));
  router.add("POST", base + "/merchants/refresh",
             require_role_and_key(auth, {Role::operator_role}, with(refresh)));
  router.add("POST", base + "/evaluations",
             require_role_and_key(auth, committee, with(record_evaluation)));
  router.add("GET", base + "/evaluations/{id}",
             http::require_role(auth, readers, with(show_evaluation)));
  router.add("POST", base + "/decisions",
             require_role_and_key(auth, committee, with(record_decision)));
}

}  // namespace caisse::host::daemon
