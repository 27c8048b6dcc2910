#include "answer_reading.hpp"

#include <boost/json.hpp>

namespace caisse::adapters::cyclos {
namespace {

// A body shown to an operator: printable ASCII only, cut short.
std::string excerpt(std::string_view text, std::size_t limit = 80) {
  std::string out;
  for (const char c : text) {
    if (out.size() >= limit) {
      out += "...";
      break;
    }
    out += (c >= 0x20 && c < 0x7f) ? c : ' ';
  }
  return out;
}

std::string html_title(std::string_view body) {
  const auto open = body.find("<title>");
  if (open == std::string_view::npos) return {};
  const auto close = body.find("</title>", open);
  if (close == std::string_view::npos) return {};
  return excerpt(body.substr(open + 7, close - open - 7));
}

bool looks_like_html(std::string_view body) {
  const auto start = body.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && body[start] == '<';
}

}  // namespace

boost::json::value parse_body(const sdk::HttpResponse& response, std::string_view what) {
  if (looks_like_html(response.body)) {
    const std::string title = html_title(response.body);
    throw MalformedAnswer(std::string(what) + ": HTTP " + std::to_string(response.status) +
                          " came with an HTML page" + (title.empty() ? "" : " (" + title + ")") +
                          ", not JSON");
  }
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(response.body, ec);
  if (ec) {
    throw MalformedAnswer(std::string(what) + ": HTTP " + std::to_string(response.status) +
                          " with a body that is not JSON (" + ec.message() + "): \"" +
                          excerpt(response.body) + "\"");
  }
  return value;
}

const boost::json::object& object_of(const boost::json::value& value, std::string_view what) {
  if (!value.is_object()) throw MalformedAnswer(std::string(what) + ": expected a JSON object");
  return value.get_object();
}

const boost::json::array& array_of(const boost::json::value& value, std::string_view what) {
  if (!value.is_array()) throw MalformedAnswer(std::string(what) + ": expected a JSON array");
  return value.get_array();
}

std::optional<std::string> optional_string(const boost::json::object& object, std::string_view key,
                                           std::string_view what) {
  const boost::json::value* member = object.if_contains(key);
  if (member == nullptr || member->is_null()) return std::nullopt;
  if (!member->is_string()) {
    throw MalformedAnswer(std::string(what) + ": field " + std::string(key) + " is not a string");
  }
  return std::string(member->get_string());
}

std::string string_member(const boost::json::object& object, std::string_view key,
                          std::string_view what) {
  auto value = optional_string(object, key, what);
  if (!value)
    throw MalformedAnswer(std::string(what) + ": field " + std::string(key) + " is missing");
  return *std::move(value);
}

const boost::json::object& object_member(const boost::json::object& object, std::string_view key,
                                         std::string_view what) {
  const boost::json::value* member = object.if_contains(key);
  if (member == nullptr || !member->is_object()) {
    throw MalformedAnswer(std::string(what) + ": field " + std::string(key) +
                          " is missing or not an object");
  }
  return member->get_object();
}

std::string error_code(const sdk::HttpResponse& response) {
  boost::system::error_code ec;
  const boost::json::value value = boost::json::parse(response.body, ec);
  if (ec || !value.is_object()) return {};
  const boost::json::value* code = value.get_object().if_contains("code");
  return code != nullptr && code->is_string() ? std::string(code->get_string()) : std::string();
}

std::string describe_status(const sdk::HttpResponse& response) {
  std::string detail;
  boost::system::error_code ec;
  const boost::json::value value = boost::json::parse(response.body, ec);
  if (!ec && value.is_object()) {
    const auto& object = value.get_object();
    detail = error_code(response);
    // InputError: the first property error tells the operator what to fix.
    if (const auto* errors = object.if_contains("propertyErrors"); errors && errors->is_object()) {
      for (const auto& [property, messages] : errors->get_object()) {
        if (messages.is_array() && !messages.get_array().empty() &&
            messages.get_array().front().is_string()) {
          detail += ": " + std::string(property) + ": " +
                    excerpt(messages.get_array().front().get_string());
          break;
        }
      }
    }
    // NotFoundError: which entity.
    if (const auto* entity = object.if_contains("entityType"); entity && entity->is_string()) {
      detail += (detail.empty() ? "" : ", ") + std::string("no such ") +
                std::string(entity->get_string());
    }
  } else if (looks_like_html(response.body)) {
    const std::string title = html_title(response.body);
    detail = "an HTML page" + (title.empty() ? std::string() : ": " + title);
  } else if (!response.body.empty()) {
    detail = "\"" + excerpt(response.body) + "\"";
  }
  return "HTTP " + std::to_string(response.status) + (detail.empty() ? "" : " (" + detail + ")");
}

bool has_next_page(const sdk::HttpResponse& response, std::size_t items, int page_size) {
  if (auto next = response.header("X-Has-Next-Page")) return *next == "true";
  return items >= static_cast<std::size_t>(page_size);
}

}  // namespace caisse::adapters::cyclos
