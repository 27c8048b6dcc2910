#include "research/export_request.hpp"

#include <map>
#include <vector>

#include "http/query_fields.hpp"
#include "research/pseudonym.hpp"

namespace caisse::host::research {
namespace {

Error invalid(std::string_view parameter, const std::string& why) {
  return Error{std::string(parameter) + ": " + why, ErrorKind::invalid};
}

// The query's fields by name; a field not in `expected` is refused, naming it and the list.
Result<std::map<std::string, std::string>> fields_of(std::string_view query,
                                                     const std::vector<std::string>& expected) {
  auto fields = http::query_fields(query);
  if (!fields) return Error{fields.error().message, ErrorKind::invalid};
  std::string listed;
  for (const auto& name : expected) listed += (listed.empty() ? "" : ", ") + name;
  std::map<std::string, std::string> out;
  for (auto& [name, value] : *fields) {
    bool known = false;
    for (const auto& e : expected) known = known || e == name;
    if (!known) return invalid(name, "unknown parameter; expected " + listed);
    out[name] = std::move(value);
  }
  return out;
}

Result<Month> month_field(const std::map<std::string, std::string>& fields, const char* name) {
  auto found = fields.find(name);
  if (found == fields.end()) return invalid(name, "required (a month YYYY-MM)");
  auto month = parse_month(found->second);
  if (!month) return invalid(name, month.error().message);
  return *month;
}

int months_between(Month from, Month to) {
  return (to.year - from.year) * 12 + (to.month - from.month) + 1;
}

Result<MonthRange> range_of(const std::map<std::string, std::string>& fields) {
  auto from = month_field(fields, "from");
  if (!from) return from.error();
  auto to = month_field(fields, "to");
  if (!to) return to.error();
  if (*to < *from) return invalid("to", "must not be before from (" + from->to_string() + ")");
  const int months = months_between(*from, *to);
  if (months > kMaxExportMonths) {
    return invalid("to", std::to_string(months) + " months from " + from->to_string() +
                             "; export at most " + std::to_string(kMaxExportMonths) +
                             " months at a time");
  }
  return MonthRange{*from, *to};
}

}  // namespace

Result<TransactionsRequest> parse_transactions_query(std::string_view query) {
  auto fields = fields_of(query, {"from", "to", "export_key"});
  if (!fields) return fields.error();
  auto range = range_of(*fields);
  if (!range) return range.error();
  auto key = fields->find("export_key");
  if (key == fields->end()) {
    return invalid("export_key",
                   "required: the key pseudonyms are derived with (1 to 64 of A-Z a-z 0-9 . _ -)");
  }
  if (auto checked = check_export_key(key->second); !checked) return checked.error();
  return TransactionsRequest{*range, key->second};
}

Result<MonthRange> parse_indicators_query(std::string_view query) {
  auto fields = fields_of(query, {"from", "to"});
  if (!fields) return fields.error();
  return range_of(*fields);
}

}  // namespace caisse::host::research
