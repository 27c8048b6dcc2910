// What the conventionnement routes are asked, parsed before any work is posted (pure):
//   POST …/decisions     body {"merchant_id","decision","decided_on","method","votes":
//                        {"in_favour","against","abstaining"},"valid_from","valid_until",
//                        "next_evaluation_on","evaluation_ids":[…],"note"}
//   POST …/evaluations   query grid=VERSION (optional: the version the file must name)
//   GET  …/merchants/report   query month=YYYY-MM
// Errors are ErrorKind::invalid (422) and name the JSON member or query field at fault.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/month.hpp"
#include "core/result.hpp"
#include "merchants/decisions.hpp"

namespace caisse::host::daemon {

// The decision as sent; `recorded_by` is the caller's token name. Types and members are checked
// here, the meaning (dates, counts, which decision) by merchants::check_decision.
Result<merchants::Decision> parse_decision(std::string_view json_body, std::string recorded_by);

// The grid version the evaluation must name, nullopt when the query does not say.
Result<std::optional<std::string>> parse_evaluation_query(std::string_view query);

}  // namespace caisse::host::daemon
