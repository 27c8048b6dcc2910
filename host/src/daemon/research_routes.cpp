#include "daemon/research_routes.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>

#include "daemon/api_answers.hpp"
#include "research/dictionary.hpp"
#include "research/export_request.hpp"
#include "research/indicators_export.hpp"
#include "research/pseudonym_secret.hpp"
#include "research/transactions_export.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;
using http::Response;

constexpr auto kConnectionWait = std::chrono::seconds(10);

using Shared = std::shared_ptr<const ResearchRoutesContext>;

// A CSV attachment: "<caisse>-<from>-<to>-transactions.csv" and the like, so files saved from
// several exports do not overwrite one another.
Response csv_answer(std::string body, const std::string& file_name) {
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return r;
}

std::string file_name(const config::CaisseConfig& caisse, const research::MonthRange& range,
                      research::ExportFile file) {
  return caisse.id + "-" + range.from.to_string() + "-" + range.to.to_string() + "-" +
         research::export_file_name(file);
}

// Runs `work` on a worker with a leased connection and answers its CSV as `file`'s attachment.
using Export = std::function<Result<std::string>(store::PgConnection&)>;

void answer_export(const Shared& ctx, Responder respond, const config::CaisseConfig& caisse,
                   const research::MonthRange& range, research::ExportFile file,
                   const std::string& actor, Export work) {
  answer_on_worker(ctx->workers, std::move(respond),
                   [ctx, &caisse, range, file, actor, work = std::move(work)]() {
                     auto lease = ctx->pool.acquire(kConnectionWait);
                     if (!lease) return failure_answer(lease.error());
                     auto csv = work(**lease);
                     if (!csv) return failure_answer(csv.error());
                     // Who exported what, never the export key: it is the researcher's own.
                     spdlog::info("event=research_export caisse={} file={} from={} to={} actor={}",
                                  caisse.id, research::export_file_name(file),
                                  range.from.to_string(), range.to.to_string(), actor);
                     return csv_answer(std::move(*csv), file_name(caisse, range, file));
                   });
}

void transactions(const Shared& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx->caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto asked = research::parse_transactions_query(request.query);
  if (!asked) return respond(failure_answer(asked.error()));
  answer_export(
      ctx, std::move(respond), **caisse, asked->period, research::ExportFile::transactions,
      request.principal,
      [id = (*caisse)->id, asked = *asked](store::PgConnection& db) -> Result<std::string> {
        auto secret = research::pseudonym_secret(db, id);
        if (!secret) return secret.error();
        return research::transactions_csv(db, id, asked, *secret);
      });
}

void indicators(const Shared& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx->caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto range = research::parse_indicators_query(request.query);
  if (!range) return respond(failure_answer(range.error()));
  answer_export(ctx, std::move(respond), **caisse, *range, research::ExportFile::indicators,
                request.principal,
                [ctx, &caisse = **caisse, range = *range](store::PgConnection& db) {
                  return research::indicators_csv(db, caisse, range, ctx->min_group_size);
                });
}

}  // namespace

void add_research_routes(http::Router& router, const ResearchRoutesContext& context) {
  using http::Role;
  auto ctx = std::make_shared<const ResearchRoutesContext>(context);
  const std::initializer_list<Role> everyone = {Role::operator_role, Role::committee, Role::auditor,
                                                Role::researcher};
  auto with = [ctx](auto fn) {
    return [ctx, fn](Request&& request, Responder respond) {
      fn(ctx, std::move(request), std::move(respond));
    };
  };
  const std::string base = "/api/v1/caisses/{caisse}/research";
  router.add("GET", base + "/transactions",
             http::require_role(context.auth, everyone, with(transactions)));
  router.add("GET", base + "/indicators",
             http::require_role(context.auth, everyone, with(indicators)));
  // The same text for every request, made once: nothing to post to a worker.
  router.add("GET", "/api/v1/research/dictionary",
             http::require_role(context.auth, everyone,
                                [csv = research::dictionary_csv()](Request&&, Responder respond) {
                                  respond(csv_answer(csv, "dictionary.csv"));
                                }));
}

}  // namespace caisse::host::daemon
