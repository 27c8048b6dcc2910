#include "daemon/registry_routes.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/object.hpp>

#include "daemon/api_answers.hpp"
#include "ledger/invariants.hpp"
#include "registry/registry.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;
using http::Response;

constexpr std::size_t kMaxFileNameLength = 100;

// The name errors give the file: the client's X-File-Name without any directory, when it is
// printable and short; "{kind}.csv" otherwise.
std::string file_name_of(const Request& request, std::string_view kind) {
  std::string fallback = std::string(kind) + ".csv";
  auto sent = request.header("X-File-Name");
  if (!sent) return fallback;
  std::string_view name = *sent;
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  if (name.empty() || name.size() > kMaxFileNameLength) return fallback;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return fallback;
  }
  return std::string(name);
}

Result<const config::CaisseConfig*> caisse_of(const RegistryRoutesContext& ctx,
                                              const Request& request) {
  const std::string& id = request.path_params.at("caisse");
  const config::CaisseConfig* caisse = ctx.caisses.find_caisse(id);
  if (caisse == nullptr) {
    return make_error("no caisse \"" + id + "\" in this daemon", ErrorKind::not_found);
  }
  return caisse;
}

boost::json::object report_object(const registry::ImportReport& report) {
  return {{"kind", registry::to_string(report.kind)},
          {"file_lines", report.file_lines},
          {"inserted", report.inserted},
          {"updated", report.updated},
          {"unchanged", report.unchanged}};
}

void import_file(const RegistryRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto kind = registry::parse_import_kind(request.path_params.at("kind"));
  if (!kind) return respond(http::json_error(404, kind.error().message));
  std::string file_name = file_name_of(request, request.path_params.at("kind"));
  auto shared = std::make_shared<Request>(std::move(request));
  answer_once(ctx.workers, ctx.idempotency, *shared, std::move(respond),
              [&ctx, id = (*caisse)->id, kind = *kind, file_name, shared]() {
                std::optional<registry::ImportReport> report;
                auto done = ctx.caisses.with_caisse_locked(
                    id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) {
                      auto imported =
                          registry::import_csv(db, caisse, kind, file_name, shared->body);
                      if (!imported) return Result<void>(imported.error());
                      report = *imported;
                      return Result<void>();
                    });
                if (!done) return failure_answer(done.error());
                spdlog::info(
                    "event=import caisse={} kind={} file=\"{}\" actor={} inserted={} "
                    "updated={} unchanged={}",
                    id, registry::to_string(kind), file_name, shared->principal, report->inserted,
                    report->updated, report->unchanged);
                return json_answer(report_object(*report));
              });
}

void export_file(const RegistryRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto kind = registry::parse_export_kind(request.path_params.at("kind"));
  if (!kind) return respond(http::json_error(404, kind.error().message));
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, id = (*caisse)->id, kind = *kind]() {
    std::string csv;
    auto done = ctx.caisses.with_caisse_locked(
        id, [&](const config::CaisseConfig&, store::PgConnection& db) -> Result<void> {
          auto exported = registry::export_csv(db, id, kind);  // never with personal data
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
  auto caisse = caisse_of(ctx, request);
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
             http::require_role(ctx.auth, {Role::operator_role}, with(import_file)),
             ctx.max_import_bytes);
  router.add("GET", base + "/exports/{kind}",
             http::require_role(ctx.auth, {Role::operator_role, Role::committee, Role::auditor},
                                with(export_file)));
  router.add("GET", base + "/ledger/check",
             http::require_role(ctx.auth, {Role::operator_role, Role::committee, Role::auditor},
                                with(ledger_check)));
}

}  // namespace caisse::host::daemon
