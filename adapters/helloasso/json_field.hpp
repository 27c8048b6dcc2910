// Reading HelloAsso's JSON strictly, one field at a time, so that every complaint names where
// the bad value was: "GET /v5/payments/41000: field order.id is missing",
// "notification: field data.state is not a string". A JsonField is a view: the parsed document
// must outlive it.
#pragma once

#include <caisse/sdk.hpp>

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::adapters::helloasso {

// The body parsed as JSON. Not JSON: StatusError(`status`) naming `source` and the parser's
// reason. `status` is UNAVAILABLE for an API answer (a cut connection, a proxy's page: worth
// trying again later) and INVALID_ARGUMENT for a notification (it will never parse).
boost::json::value parse_json(std::string_view body, std::string_view source,
                              caisse_status_t status);

class JsonField {
 public:
  // The document's root; `source` names the request or the notification in messages.
  JsonField(const boost::json::value& root, std::string source);

  // A member; absent is not an error yet (present() says). Fails unless this is an object.
  JsonField operator[](std::string_view key) const;
  // The items of an array; absent or null is an empty list (the spec makes lists nullable).
  std::vector<JsonField> items() const;

  bool present() const;  // there and not null
  std::string text() const;
  std::optional<std::string> optional_text() const;  // nullopt when absent or null
  std::int64_t integer() const;

  const std::string& path() const { return path_; }
  // StatusError(INVALID_ARGUMENT, "<source>: field <path> <why>").
  [[noreturn]] void fail(std::string_view why) const;

 private:
  JsonField(const boost::json::value* value, std::string path, std::string source);

  const boost::json::value* value_;  // null when absent
  std::string path_;                 // "" for the root, "order.id", "data[2].state"
  std::string source_;
};

}  // namespace caisse::adapters::helloasso
