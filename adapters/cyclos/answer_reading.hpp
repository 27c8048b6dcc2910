// Reading what Cyclos answered, strictly: a body that is not the JSON the spec promises (an HTML
// page from a proxy, a truncated document, a missing or mistyped field) is a MalformedAnswer
// naming the request and the field, never a guess.
#pragma once

#include <boost/json/fwd.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "cyclos_api.hpp"

namespace caisse::adapters::cyclos {

class MalformedAnswer : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The body parsed as JSON. `what` names the request ("POST /system/payments").
boost::json::value parse_body(const sdk::HttpResponse& response, std::string_view what);

const boost::json::object& object_of(const boost::json::value& value, std::string_view what);
const boost::json::array& array_of(const boost::json::value& value, std::string_view what);

// A required string member; MalformedAnswer when absent or not a string.
std::string string_member(const boost::json::object& object, std::string_view key,
                          std::string_view what);
// An optional string member: nullopt when absent or null; MalformedAnswer when not a string.
std::optional<std::string> optional_string(const boost::json::object& object, std::string_view key,
                                           std::string_view what);
// A required object member.
const boost::json::object& object_member(const boost::json::object& object, std::string_view key,
                                         std::string_view what);

// One line for the operator about an answer Cyclos gave with an error status: "HTTP 422
// (validation: amount: Invalid amount)", "HTTP 503 (an HTML page: Service Unavailable)".
std::string describe_status(const sdk::HttpResponse& response);

// The `code` of an error answer's JSON body, or empty when there is none.
std::string error_code(const sdk::HttpResponse& response);

// The paging headers of a search answer: whether another page follows. The spec returns
// X-Has-Next-Page on every search; without it, a full page means there may be more.
bool has_next_page(const sdk::HttpResponse& response, std::size_t items, int page_size);

}  // namespace caisse::adapters::cyclos
