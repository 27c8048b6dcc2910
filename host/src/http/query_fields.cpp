#include "http/query_fields.hpp"

#include <algorithm>
#include <set>

#include "http/router.hpp"

namespace caisse::host::http {

Result<std::vector<std::pair<std::string, std::string>>> query_fields(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> fields;
  std::set<std::string, std::less<>> seen;
  while (!query.empty()) {
    const std::string_view pair = query.substr(0, query.find('&'));
    query.remove_prefix(std::min(query.size(), pair.size() + 1));
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals));
    auto value = percent_decode(equals == std::string_view::npos ? std::string_view{}
                                                                 : pair.substr(equals + 1));
    if (!name || !value) {
      return Error{std::string(pair.substr(0, equals)) + ": malformed percent-encoding",
                   ErrorKind::invalid};
    }
    if (!seen.insert(*name).second) return Error{*name + ": given twice", ErrorKind::invalid};
    fields.emplace_back(std::move(*name), std::move(*value));
  }
  return fields;
}

}  // namespace caisse::host::http
