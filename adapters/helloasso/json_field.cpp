#include "json_field.hpp"

#include <boost/json.hpp>

namespace caisse::adapters::helloasso {

boost::json::value parse_json(std::string_view body, std::string_view source,
                              caisse_status_t status) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) {
    std::string start(body.substr(0, 60));
    for (char& c : start) {
      if (c < 0x20 || c == 0x7f) c = ' ';
    }
    throw sdk::StatusError(status, std::string(source) + ": the body is not JSON (" + ec.message() +
                                       "): \"" + start + "\"");
  }
  return value;
}

JsonField::JsonField(const boost::json::value& root, std::string source)
    : JsonField(&root, "", std::move(source)) {}

JsonField::JsonField(const boost::json::value* value, std::string path, std::string source)
    : value_(value), path_(std::move(path)), source_(std::move(source)) {}

void JsonField::fail(std::string_view why) const {
  const std::string where = path_.empty() ? "the body" : "field " + path_;
  throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                         source_ + ": " + where + " " + std::string(why));
}

JsonField JsonField::operator[](std::string_view key) const {
  if (value_ == nullptr || !value_->is_object()) fail("is not an object");
  const std::string child = path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  return JsonField(value_->get_object().if_contains(key), child, source_);
}

std::vector<JsonField> JsonField::items() const {
  std::vector<JsonField> out;
  if (!present()) return out;
  if (!value_->is_array()) fail("is not an array");
  const auto& array = value_->get_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    out.push_back(JsonField(&array[i], path_ + "[" + std::to_string(i) + "]", source_));
  }
  return out;
}

bool JsonField::present() const {
  return value_ != nullptr && !value_->is_null();
}

std::optional<std::string> JsonField::optional_text() const {
  if (!present()) return std::nullopt;
  if (!value_->is_string()) fail("is not a string");
  return std::string(value_->get_string());
}

std::string JsonField::text() const {
  auto value = optional_text();
  if (!value) fail("is missing");
  return *std::move(value);
}

std::int64_t JsonField::integer() const {
  if (!present()) fail("is missing");
  if (value_->is_int64()) return value_->get_int64();
  if (value_->is_uint64() && value_->get_uint64() <= INT64_MAX) {
    return static_cast<std::int64_t>(value_->get_uint64());
  }
  fail("is not an integer");
}

}  // namespace caisse::adapters::helloasso
