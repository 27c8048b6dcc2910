#include "daemon/admin_routes.hpp"

#include <caisse/sdk.h>
#include <boost/json/serialize.hpp>

#include "daemon/cycle_routes.hpp"
#include "daemon/openapi_document.hpp"
#include "daemon/plugin_views.hpp"
#include "store/pg_connection.hpp"

#ifndef CAISSE_VERSION
#error "CAISSE_VERSION must be defined by the build"
#endif

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;
using http::Response;

constexpr auto kProbeTimeout = std::chrono::milliseconds(2000);

Response json(unsigned status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  return r;
}

// Runs `SELECT 1` on a worker thread and hands the answer to `then` there.
void probe_database(const AdminContext& ctx, std::function<void(bool reachable)> then) {
  bool posted = ctx.workers.post([&ctx, then] {
    auto lease = ctx.pool.acquire(kProbeTimeout);
    bool ok = lease && (*lease)->exec("SELECT 1").ok();
    then(ok);
  });
  if (!posted) then(false);
}

void healthz(Request&&, Responder respond) {
  respond(json(200, boost::json::object{{"status", "alive"}}));
}

void readyz(const AdminContext& ctx, Request&&, Responder respond) {
  probe_database(ctx, [&ctx, respond](bool reachable) {
    auto failures = ctx.catalog.required_failures();
    boost::json::array problems;
    if (!reachable) problems.push_back("database unreachable");
    for (auto& f : failures) problems.push_back(boost::json::string(f));
    bool ready = problems.empty();
    respond(json(ready ? 200 : 503, boost::json::object{{"status", ready ? "ready" : "not ready"},
                                                        {"problems", std::move(problems)}}));
  });
}

void metrics(const AdminContext& ctx, Request&&, Responder respond) {
  Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = ctx.metrics.render();
  respond(std::move(r));
}

// The caisse's bonus cycles paid late (the Gers lost its members' trust over late bonuses, so
// the daemon's status says it first); null when they could not be read.
boost::json::value late_bonuses(const AdminContext& ctx, const std::string& caisse_id) {
  auto late = ctx.cycles->late_bonuses(caisse_id);
  if (!late) return nullptr;
  boost::json::array out;
  for (const auto& s : *late) {
    out.push_back({{"month", s.month.to_string()},
                   {"state", cycle::state_name(s.state)},
                   {"due_on", s.due_on.value_or("")},
                   {"late", lateness_json(s.late)}});
  }
  return out;
}

void status(const AdminContext& ctx, Request&&, Responder respond) {
  probe_database(ctx, [&ctx, respond](bool reachable) {
    boost::json::array caisses;
    for (const auto& c : ctx.config.caisses) {
      boost::json::object caisse{{"id", c.id}, {"name", c.name}};
      if (ctx.cycles != nullptr && reachable) caisse["late_bonuses"] = late_bonuses(ctx, c.id);
      caisses.push_back(std::move(caisse));
    }
    std::size_t loaded = 0;
    for (const auto& p : ctx.catalog.plugins()) loaded += p.plugin ? 1 : 0;
    auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::steady_clock::now() - ctx.started);
    respond(json(
        200,
        boost::json::object{
            {"version", CAISSE_VERSION},
            {"sdk_abi", {{"major", CAISSE_SDK_ABI_MAJOR}, {"minor", CAISSE_SDK_ABI_MINOR}}},
            {"uptime_seconds", uptime.count()},
            {"database",
             {{"mode", ctx.database.mode},
              {"reachable", reachable},
              {"schema_version", ctx.database.schema_version}}},
            {"caisses", std::move(caisses)},
            {"plugins", {{"loaded", loaded}, {"failed", ctx.catalog.plugins().size() - loaded}}},
        }));
  });
}

void plugin_list(const AdminContext& ctx, Request&&, Responder respond) {
  boost::json::array list;
  for (const auto& record : ctx.catalog.plugins()) list.push_back(plugin_summary(record));
  respond(json(200, boost::json::object{{"plugins", std::move(list)}}));
}

void plugin_describe(const AdminContext& ctx, Request&& request, Responder respond) {
  const std::string& name = request.path_params.at("name");
  const PluginRecord* record = ctx.catalog.find(name);
  if (record == nullptr) {
    respond(http::json_error(404, "no plugin named '" + name + "'"));
    return;
  }
  respond(json(200, plugin_detail(*record, ctx.catalog)));
}

// Who the token is: the web dashboard asks after login, to show the name and only what the role
// may do.
void me(Request&& request, Responder respond) {
  respond(json(200, boost::json::object{{"name", request.principal}, {"role", request.role}}));
}

// The contract, without a token: it holds no data, and clients read it before they have one.
void openapi(Request&&, Responder respond) {
  Response r;
  r.body = std::string(openapi_document());
  respond(std::move(r));
}

}  // namespace

void add_admin_routes(http::Router& router, const AdminContext& ctx) {
  using http::Role;
  const auto readers = {Role::operator_role, Role::committee, Role::auditor, Role::researcher};
  auto with = [&ctx](auto fn) {
    return [&ctx, fn](Request&& request, Responder respond) {
      fn(ctx, std::move(request), std::move(respond));
    };
  };
  router.add("GET", "/healthz", healthz);
  router.add("GET", "/readyz", with(readyz));
  router.add("GET", "/metrics", with(metrics));
  router.add("GET", "/api/v1/status", http::require_role(ctx.auth, readers, with(status)));
  router.add("GET", "/api/v1/plugins", http::require_role(ctx.auth, readers, with(plugin_list)));
  router.add("GET", "/api/v1/plugins/{name}",
             http::require_role(ctx.auth, readers, with(plugin_describe)));
  router.add("GET", "/api/v1/me", http::require_role(ctx.auth, readers, me));
  router.add("GET", "/api/v1/openapi.json", openapi);
}

}  // namespace caisse::host::daemon
