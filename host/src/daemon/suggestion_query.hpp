// The query of GET /api/v1/caisses/{caisse}/contribution-suggestion: what a household declares
// when it joins (its size, and what the caisse's grid needs of its income), as the form a
// volunteer fills in at a permanence. Pure: parsed and checked here, computed by the grid plugin.
#pragma once

#include <string_view>

#include "core/month.hpp"
#include "core/result.hpp"
#include "plugins/role_values.hpp"

namespace caisse::host::daemon {

struct SuggestionQuery {
  Month month;  // the grid in force for this month; the current month when not given
  plugins::ContributionInput household;
};

// `query` is the raw query string: month=YYYY-MM, adults (1-99, required), children (0-99,
// default 0), income and fixed_costs (euros, "1450.00"), quotient_familial (whole euros). An
// unknown, repeated or malformed field is an invalid error naming it; nothing is logged here,
// as these are a household's personal figures.
Result<SuggestionQuery> parse_suggestion_query(std::string_view query, Month current_month);

}  // namespace caisse::host::daemon
