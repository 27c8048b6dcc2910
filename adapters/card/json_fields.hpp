// Reading provider payloads with Boost.JSON so that every failure names the field: a
// JsonObject remembers the path that led to it ("data.object", "events[2].links") and the
// payload it came from ("Stripe event"), and puts both in its errors.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::adapters::card {

// The top-level object of body. Throws PayloadError naming source and the byte offset of a
// syntax error, or saying the document is not an object.
boost::json::object parse_object(std::string_view body, std::string_view source);

// A view of one object of a parsed document; it must not outlive the document.
class JsonObject {
 public:
  JsonObject(const boost::json::object& object, std::string path, std::string_view source)
      : object_(&object), path_(std::move(path)), source_(source) {}

  // Required members: throw PayloadError when missing, null, empty ("") or of another type.
  std::string_view string(std::string_view key) const;
  std::int64_t integer(std::string_view key) const;
  JsonObject object(std::string_view key) const;
  // The objects of an array member, each with its index in its path ("events[0]").
  std::vector<JsonObject> objects(std::string_view key) const;

  // Optional members: "" / nullopt when missing or null; PayloadError when of another type.
  std::string optional_string(std::string_view key) const;
  // A three-letter ISO 4217 code, upper-cased ("eur" -> "EUR"); required.
  std::string currency(std::string_view key) const;
  std::optional<std::int64_t> optional_integer(std::string_view key) const;
  std::optional<JsonObject> optional_object(std::string_view key) const;

  // "<source>: field <path>.<key>: <what>", the form of every error.
  [[noreturn]] void fail(std::string_view key, std::string_view what) const;

 private:
  // The member, or nullptr when missing or null.
  const boost::json::value* member(std::string_view key) const;
  const boost::json::value& present(std::string_view key) const;
  std::string path_to(std::string_view key) const;

  const boost::json::object* object_;
  std::string path_;
  std::string_view source_;
};

}  // namespace caisse::adapters::card
