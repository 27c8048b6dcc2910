#include "daemon/registry_routes.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/object.hpp>

#include "daemon/api_answers.hpp"
#include "daemon/currency_instances.hpp"
#include "daemon/merchant_answers.hpp"
#include "ledger/invariants.hpp"
#include "registry/registry.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;
using http::Response;

boost::json::object report_object(const registry::ImportReport& report) {
  return {{"kind", registry::to_string(report.kind)},
          {"file_lines", report.file_lines},
          {"inserted", report.inserted},
          {"updated", report.updated},
          {"unchanged", report.unchanged}};
}

// A merchants file that changed the list is pushed to every currency instance at once, on the
// same connection and under the same caisse lock, after the import committed: the list is the
// caisse's whatever the backends answer, and a push that failed is sent again by
// POST …/merchants/sync. nullopt for the other kinds; empty when nothing changed.
std::optional<std::vector<merchants::SyncOutcome>> push_if_changed(
    const RegistryRoutesContext& ctx, const config::CaisseConfig& caisse, store::PgConnection& db,
    const registry::ImportReport& report) {
  if (report.kind != registry::ImportKind::merchants) return std::nullopt;
  if (report.inserted + report.updated == 0) return std::vector<merchants::SyncOutcome>();
  return merchants::sync_merchants(db, caisse.id, currency_instances(ctx.catalog, caisse));
}

void import_file(const RegistryRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto kind = registry::parse_import_kind(request.path_params.at("kind"));
  if (!kind) return respond(http::json_error(404, kind.error().message));
  std::string file_name = uploaded_file_name(request, request.path_params.at("kind") + ".csv");
  auto shared = std::make_shared<Request>(std::move(request));
  answer_once(
      ctx.workers, ctx.idempotency, *shared, std::move(respond),
      [&ctx, id = (*caisse)->id, kind = *kind, file_name, shared]() {
        std::optional<registry::ImportReport> report;
        std::optional<std::vector<merchants::SyncOutcome>> pushed;
        auto done = ctx.caisses.with_caisse_locked(
            id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) -> Result<void> {
              registry::ImportContext context{currency_instance_names(ctx.catalog, caisse)};
              auto imported =
                  registry::import_csv(db, caisse, kind, file_name, shared->body, context);
              if (!imported) return imported.error();
              report = *imported;
              pushed = push_if_changed(ctx, caisse, db, *report);
              return {};
            });
        if (!done) return failure_answer(done.error());
        spdlog::info(
            "event=import caisse={} kind={} file=\"{}\" actor={} inserted={} "
            "updated={} unchanged={}",
            id, registry::to_string(kind), file_name, shared->principal, report->inserted,
            report->updated, report->unchanged);
        boost::json::object answer = report_object(*report);
        if (pushed) answer["sync"] = sync_outcomes_json(*pushed);
        return json_answer(answer);
      });
}

void export_file(const RegistryRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto kind = registry::parse_export_kind(request.path_params.at("kind"));
  if (!kind) return respond(http::json_error(404, kind.error().message));
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, id = (*caisse)->id, kind = *kind]() {
    std::string csv;
    auto done = ctx.caisses.with_caisse_locked(
        id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) -> Result<void> {
          registry::ExportOptions options;  // never with personal data
          options.currency_instances = currency_instance_names(ctx.catalog, caisse);
          auto exported = registry::export_csv(db, id, kind, options);
          if (!exported) return exported.error();
          csv = std::move(exported.value());
          return {};
        });
    if (!done) return failure_answer(done.error());
    Response r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = std::move(csv);
    return r;
  });
}

void ledger_check(const RegistryRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, id = (*caisse)->id]() {
    boost::json::object body;
    auto done = ctx.caisses.with_caisse_locked(
        id, [&](const config::CaisseConfig&, store::PgConnection& db) -> Result<void> {
          auto report = ledger::check_invariants(db, id);
          if (!report) return report.error();
          body = ledger::to_json(*report);
          return {};
        });
    return done ? json_answer(body) : failure_answer(done.error());
  });
}

}  // namespace

void add_registry_routes(http::Router& router, const RegistryRoutesContext& ctx) {
  using http::Role;
  auto with = [&ctx](auto fn) { return with_context(ctx, fn); };
  const std::string base = "/api/v1/caisses/{caisse}";
  router.add("POST", base + "/imports/{kind}",
             require_role_and_key(ctx.auth, {Role::operator_role}, with(import_file)),
             ctx.max_import_bytes);
  // Row by row, each household's contribution among them: the committee reads aggregates.
  router.add("GET", base + "/exports/{kind}",
             http::require_role(ctx.auth, {Role::operator_role, Role::auditor}, with(export_file)));
  router.add("GET", base + "/ledger/check",
             http::require_role(ctx.auth, {Role::operator_role, Role::committee, Role::auditor},
                                with(ledger_check)));
}

}  // namespace caisse::host::daemon
