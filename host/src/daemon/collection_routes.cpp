#include "daemon/collection_routes.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <chrono>
#include <memory>

#include "collection/collection.hpp"
#include "daemon/api_answers.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Responder;

Result<Month> month_param(const Request& request) {
  auto month = parse_month(request.path_params.at("month"));
  if (!month) return make_error(month.error().message, ErrorKind::not_found);
  return month;
}

void import_mandates(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto shared = std::make_shared<Request>(std::move(request));
  answer_once(
      ctx.workers, ctx.idempotency, *shared, std::move(respond),
      [&ctx, id = (*caisse)->id, shared]() {
        const std::string file = uploaded_file_name(*shared, "mandates.csv");
        std::optional<collection::MandateImportReport> report;
        auto done = ctx.money_in.with_database([&](store::PgConnection& db) -> Result<void> {
          auto imported = collection::import_mandates(db, id, file, shared->body);
          if (!imported) return imported.error();
          report = *imported;
          return {};
        });
        if (!done) return failure_answer(done.error());
        spdlog::info(
            "event=mandates_imported caisse={} file=\"{}\" actor={} inserted={} "
            "amended={} replaced={}",
            id, file, shared->principal, report->inserted, report->amended, report->replaced);
        return json_answer(boost::json::object{{"file_lines", report->file_lines},
                                               {"inserted", report->inserted},
                                               {"updated", report->updated},
                                               {"amended", report->amended},
                                               {"replaced", report->replaced},
                                               {"unchanged", report->unchanged}});
      });
}

template <class Change>
void change_mandate(const MoneyInRoutesContext& ctx, Request&& request, Responder respond,
                    const char* what, Change change) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  answer_once(ctx.workers, ctx.idempotency, request, std::move(respond),
              [&ctx, id = (*caisse)->id, household = request.path_params.at("household"),
               actor = request.principal, what, change]() {
                std::optional<collection::Mandate> mandate;
                auto done =
                    ctx.money_in.with_database([&](store::PgConnection& db) -> Result<void> {
                      auto changed = change(db, id, household);
                      if (!changed) return changed.error();
                      mandate = *changed;
                      return {};
                    });
                if (!done) return failure_answer(done.error());
                spdlog::info("event=mandate_{} caisse={} household={} actor={}", what, id,
                             household, actor);
                return json_answer(boost::json::object{
                    {"household", household},
                    {"mandate_id", mandate->mandate_id},
                    {"status", std::string(collection::to_string(mandate->status))}});
              });
}

void revoke(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  change_mandate(ctx, std::move(request), std::move(respond), "revoked",
                 [](store::PgConnection& db, const std::string& caisse, const std::string& h) {
                   return collection::revoke_mandate(db, caisse, h);
                 });
}

void reinstate(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  change_mandate(ctx, std::move(request), std::move(respond), "reinstated",
                 [](store::PgConnection& db, const std::string& caisse, const std::string& h) {
                   return collection::reinstate_mandate(db, caisse, h);
                 });
}

Result<collection::DraftRequest> parse_draft(std::string_view body, Month month) {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(body, ec);
  if (ec || !parsed.is_object())
    return make_error("the body must be a JSON object", ErrorKind::invalid);
  const auto& object = parsed.as_object();
  const auto* date = object.if_contains("collection_date");
  const auto* collector = object.if_contains("collector");
  if (date == nullptr || !date->is_string()) {
    return make_error("field \"collection_date\": expected YYYY-MM-DD", ErrorKind::invalid);
  }
  if (collector == nullptr || !collector->is_string()) {
    return make_error("field \"collector\": expected the collector instance's name",
                      ErrorKind::invalid);
  }
  auto day = csv::parse_date(std::string_view(date->as_string()));
  if (!day) {
    return make_error("field \"collection_date\": " + day.error().message, ErrorKind::invalid);
  }
  return collection::DraftRequest{month, *day, std::string(collector->as_string()),
                                  std::chrono::system_clock::now()};
}

boost::json::object summary_json(const collection::RunSummary& s) {
  boost::json::object by_state;
  for (const auto& total : s.by_state) {
    by_state[std::string(collection::to_string(total.state))] = {
        {"count", total.count}, {"amount_minor", total.amount_minor}};
  }
  boost::json::array unpaid;
  for (const auto& u : s.unpaid) {
    unpaid.push_back({{"household", u.household_id},
                      {"end_to_end_id", u.end_to_end_id},
                      {"amount_minor", u.amount_minor},
                      {"state", std::string(collection::to_string(u.state))},
                      {"reason_code", u.reason_code},
                      {"reason_en", u.reason_en},
                      {"reason_fr", u.reason_fr},
                      {"may_present_again", u.may_present_again}});
  }
  return {{"month", s.month.to_string()},
          {"collector", s.collector},
          {"state", std::string(collection::to_string(s.state))},
          {"message_id", s.message_id},
          {"collection_date", s.collection_date},
          {"debits", s.debits},
          {"amount_minor", s.amount_minor},
          {"by_state", by_state},
          {"unpaid", unpaid}};
}

void draft(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto month = month_param(request);
  if (!month) return respond(failure_answer(month.error()));
  auto draft_request = parse_draft(request.body, *month);
  if (!draft_request) return respond(failure_answer(draft_request.error()));
  answer_once(
      ctx.workers, ctx.idempotency, request, std::move(respond),
      [&ctx, id = (*caisse)->id, d = *draft_request, actor = request.principal]() {
        std::optional<collection::DraftedRun> drafted;
        auto done = ctx.money_in.with_database([&](store::PgConnection& db) -> Result<void> {
          auto run = collection::draft_run(db, id, d);
          if (!run) return run.error();
          drafted = std::move(*run);
          return {};
        });
        if (!done) return failure_answer(done.error());
        boost::json::array problems;
        for (const auto& p : drafted->problems) {
          problems.push_back({{"household", p.household_id}, {"problem", p.message}});
        }
        spdlog::info(
            "event=collection_drafted caisse={} month={} actor={} added={} "
            "problems={}",
            id, d.month.to_string(), actor, drafted->added, problems.size());
        return json_answer(boost::json::object{{"month", d.month.to_string()},
                                               {"message_id", drafted->run.batch.message_id},
                                               {"debits", drafted->run.batch.debits.size()},
                                               {"added", drafted->added},
                                               {"problems", problems}});
      });
}

void write_file(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto month = month_param(request);
  if (!month) return respond(failure_answer(month.error()));
  answer_once(ctx.workers, ctx.idempotency, request, std::move(respond),
              [&ctx, id = (*caisse)->id, m = *month, actor = request.principal]() {
                auto file = ctx.money_in.write_debit_file(id, m);
                if (!file) return failure_answer(file.error());
                spdlog::info("event=collection_file_written caisse={} month={} actor={} bytes={}",
                             id, m.to_string(), actor, file->size());
                http::Response response;
                response.content_type = "application/xml";
                response.body = std::move(*file);
                return response;
              });
}

void submitted(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto month = month_param(request);
  if (!month) return respond(failure_answer(month.error()));
  answer_once(
      ctx.workers, ctx.idempotency, request, std::move(respond),
      [&ctx, id = (*caisse)->id, m = *month, actor = request.principal]() {
        auto done = ctx.money_in.with_database([&](store::PgConnection& db) -> Result<void> {
          auto run = collection::mark_submitted(db, id, m);
          if (!run) return run.error();
          return {};
        });
        if (!done) return failure_answer(done.error());
        spdlog::info("event=collection_submitted caisse={} month={} actor={}", id, m.to_string(),
                     actor);
        return json_answer(boost::json::object{{"month", m.to_string()}, {"state", "submitted"}});
      });
}

void status(const MoneyInRoutesContext& ctx, Request&& request, Responder respond) {
  auto caisse = caisse_of(ctx.caisses, request);
  if (!caisse) return respond(failure_answer(caisse.error()));
  auto month = month_param(request);
  if (!month) return respond(failure_answer(month.error()));
  answer_on_worker(ctx.workers, std::move(respond), [&ctx, id = (*caisse)->id, m = *month]() {
    std::optional<collection::RunSummary> summary;
    auto done = ctx.money_in.with_database([&](store::PgConnection& db) -> Result<void> {
      auto found = collection::run_summary(db, id, m);
      if (!found) return found.error();
      if (!*found) {
        return make_error("caisse " + id + " has no direct-debit run for " + m.to_string(),
                          ErrorKind::not_found);
      }
      summary = std::move(**found);
      return {};
    });
    return done ? json_answer(summary_json(*summary)) : failure_answer(done.error());
  });
}

}  // namespace

void add_collection_routes(http::Router& router, const MoneyInRoutesContext& ctx) {
  using http::Role;
  auto with = [&ctx](auto fn) { return with_context(ctx, fn); };
  auto operators = [&ctx, &with](auto fn) {
    return require_role_and_key(ctx.auth, {Role::operator_role}, with(fn));
  };
  const std::string base = "/api/v1/caisses/{caisse}";
  router.add("POST", base + "/mandates/import", operators(import_mandates), ctx.max_import_bytes);
  router.add("POST", base + "/mandates/{household}/revoke", operators(revoke));
  router.add("POST", base + "/mandates/{household}/reinstate", operators(reinstate));
  router.add("POST", base + "/collections/{month}/draft", operators(draft));
  router.add("POST", base + "/collections/{month}/file", operators(write_file));
  router.add("POST", base + "/collections/{month}/submitted", operators(submitted));
  // Unpaid debits name a household and what it pays: not an aggregate, so not for the committee.
  router.add("GET", base + "/collections/{month}",
             http::require_role(ctx.auth, {Role::operator_role, Role::auditor}, with(status)));
}

}  // namespace caisse::host::daemon
