#include "json_fields.hpp"

#include <boost/json/stream_parser.hpp>

#include "card_errors.hpp"

namespace caisse::adapters::card {

namespace json = boost::json;

namespace {

std::string_view kind_of(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "an integer";
    case json::kind::double_:
      return "a decimal number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

}  // namespace

json::object parse_object(std::string_view body, std::string_view source) {
  json::stream_parser parser;
  boost::system::error_code error;
  const std::size_t read = parser.write_some(body.data(), body.size(), error);
  if (!error && read == body.size()) parser.finish(error);
  if (error) {
    throw PayloadError(std::string(source) + ": body is not JSON: " + error.message() +
                       " at byte " + std::to_string(read));
  }
  json::value document = parser.release();
  if (!document.is_object()) {
    throw PayloadError(std::string(source) + ": body is " + std::string(kind_of(document)) +
                       ", not a JSON object");
  }
  return std::move(document.as_object());
}

std::string JsonObject::path_to(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void JsonObject::fail(std::string_view key, std::string_view what) const {
  throw PayloadError(std::string(source_) + ": field " + path_to(key) + ": " + std::string(what));
}

const json::value* JsonObject::member(std::string_view key) const {
  const json::value* value = object_->if_contains(key);
  return value == nullptr || value->is_null() ? nullptr : value;
}

const json::value& JsonObject::present(std::string_view key) const {
  const json::value* value = member(key);
  if (value == nullptr) fail(key, "missing");
  return *value;
}

std::string_view JsonObject::string(std::string_view key) const {
  const json::value& value = present(key);
  if (!value.is_string()) fail(key, "expected a string, got " + std::string(kind_of(value)));
  if (value.get_string().empty()) fail(key, "empty");
  return value.get_string();
}

std::string JsonObject::currency(std::string_view key) const {
  std::string code(string(key));
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (code.size() != 3 ||
      code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
    fail(key, "not a three-letter currency code");
  }
  return code;
}

std::int64_t JsonObject::integer(std::string_view key) const {
  const json::value& value = present(key);
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64()) fail(key, "integer out of range");
  fail(key, "expected an integer, got " + std::string(kind_of(value)));
}

JsonObject JsonObject::object(std::string_view key) const {
  const json::value& value = present(key);
  if (!value.is_object()) fail(key, "expected an object, got " + std::string(kind_of(value)));
  return JsonObject(value.get_object(), path_to(key), source_);
}

std::vector<JsonObject> JsonObject::objects(std::string_view key) const {
  const json::value& value = present(key);
  if (!value.is_array()) fail(key, "expected an array, got " + std::string(kind_of(value)));
  std::vector<JsonObject> items;
  const json::array& array = value.get_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string index = std::string(key) + "[" + std::to_string(i) + "]";
    if (!array[i].is_object()) {
      fail(index, "expected an object, got " + std::string(kind_of(array[i])));
    }
    items.emplace_back(array[i].get_object(), path_to(index), source_);
  }
  return items;
}

std::string JsonObject::optional_string(std::string_view key) const {
  const json::value* value = member(key);
  if (value == nullptr) return {};
  if (!value->is_string()) fail(key, "expected a string, got " + std::string(kind_of(*value)));
  return std::string(value->get_string());
}

std::optional<std::int64_t> JsonObject::optional_integer(std::string_view key) const {
  if (member(key) == nullptr) return std::nullopt;
  return integer(key);
}

std::optional<JsonObject> JsonObject::optional_object(std::string_view key) const {
  if (member(key) == nullptr) return std::nullopt;
  return object(key);
}

}  // namespace caisse::adapters::card
