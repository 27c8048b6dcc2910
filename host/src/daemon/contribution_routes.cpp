#include "daemon/contribution_routes.hpp"

#include <boost/json/object.hpp>
#include <chrono>

#include "daemon/api_answers.hpp"
#include "daemon/suggestion_query.hpp"
#include "money/money.hpp"

namespace caisse::host::daemon {
namespace {

// Contributions are paid in euros, whatever the caisse's currency.
constexpr int kEuroMinorUnit = 2;

void suggest(const ContributionRoutesContext& ctx, http::Request&& request,
             http::Responder respond) {
  auto query = parse_suggestion_query(request.query, current_utc_month());
  if (!query) return respond(failure_answer(query.error()));
  answer_on_worker(
      ctx.workers, std::move(respond),
      [&ctx, caisse = request.path_params.at("caisse"), q = *query]() {
        auto suggestion = ctx.caisses.suggest_contribution(caisse, q.month, q.household);
        if (!suggestion) return failure_answer(suggestion.error());
        return json_answer(boost::json::object{
            {"caisse", caisse},
            {"month", q.month.to_string()},
            {"rule", suggestion->rule},
            {"currency", q.household.currency},
            {"suggested_minor", suggestion->amount_minor},
            {"suggested", money::format_decimal(suggestion->amount_minor, kEuroMinorUnit)}});
      });
}

}  // namespace

Month current_utc_month() {
  const std::chrono::year_month_day today{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return Month{static_cast<int>(today.year()),
               static_cast<int>(static_cast<unsigned>(today.month()))};
}

void add_contribution_routes(http::Router& router, const ContributionRoutesContext& ctx) {
  using http::Role;
  router.add("GET", "/api/v1/caisses/{caisse}/contribution-suggestion",
             http::require_role(ctx.auth, {Role::operator_role, Role::committee},
                                with_context(ctx, suggest)));
}

}  // namespace caisse::host::daemon
