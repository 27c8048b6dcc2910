#include "daemon/purchase_requests.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "csv/iso_date.hpp"
#include "http/query_fields.hpp"

namespace caisse::host::daemon {
namespace {

Error invalid(std::string_view what, const std::string& why) {
  return Error{std::string(what) + ": " + why, ErrorKind::invalid};
}

Result<std::chrono::sys_days> day_member(const boost::json::object& body, std::string_view name) {
  const boost::json::value* member = body.if_contains(name);
  if (member == nullptr) return invalid(name, "required (a date YYYY-MM-DD)");
  if (!member->is_string()) return invalid(name, "must be a string, a date YYYY-MM-DD");
  auto date = csv::parse_date(std::string_view(member->get_string()));
  if (!date) return invalid(name, date.error().message);
  return std::chrono::sys_days{*date};
}

}  // namespace

Result<merchants::Period> parse_purchase_period(std::string_view json_body) {
  constexpr std::string_view kExample = R"(, e.g. {"from":"2026-11-01","to":"2026-12-01"})";
  boost::json::error_code ec;
  boost::json::value parsed = boost::json::parse(json_body, ec);
  if (ec || !parsed.is_object()) {
    return invalid("purchases import", "the body must be a JSON object" + std::string(kExample));
  }
  const boost::json::object& body = parsed.get_object();
  for (const auto& [key, value] : body) {
    if (key != "from" && key != "to") {
      return invalid(std::string_view(key), "unknown member; expected from and to");
    }
  }
  auto from = day_member(body, "from");
  if (!from) return from.error();
  auto to = day_member(body, "to");
  if (!to) return to.error();
  const auto days = (*to - *from).count();
  if (days <= 0) return invalid("to", "must be after from (to is excluded)");
  if (days > kMaxPurchasePeriodDays) {
    return invalid("to", std::to_string(days) + " days after from; import at most " +
                             std::to_string(kMaxPurchasePeriodDays) +
                             " days at a time (month by month)");
  }
  return merchants::Period{*from, *to};
}

Result<Month> parse_report_month(std::string_view query) {
  std::optional<Month> month;
  auto fields = http::query_fields(query);
  if (!fields) return fields.error();
  for (const auto& [name, value] : *fields) {
    if (name != "month") return invalid(name, "unknown field; expected month");
    auto parsed = parse_month(value);
    if (!parsed) return invalid("month", parsed.error().message);
    month = *parsed;
  }
  if (!month) return invalid("month", "required (YYYY-MM)");
  return *month;
}

}  // namespace caisse::host::daemon
