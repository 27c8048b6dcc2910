#include "notification.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>

#include "json_field.hpp"

namespace caisse::adapters::helloasso {
namespace {

// The spec's ApiNotificationType.
constexpr std::array<std::string_view, 4> kEventTypes{"Payment", "Order", "Form", "Organization"};

std::string resource_of(const JsonField& data, std::string_view event_type) {
  const JsonField id = data["id"];
  if (id.present()) {
    const std::int64_t value = id.integer();
    if (value <= 0) id.fail("is not a positive id");
    return std::to_string(value);
  }
  // Payments and orders always have an id; a form or an organization may come by its slug.
  for (const char* slug : {"formSlug", "organizationSlug"}) {
    if (event_type == "Payment" || event_type == "Order") break;
    if (auto text = data[slug].optional_text(); text && !text->empty()) return *text;
  }
  id.fail("is missing");
}

}  // namespace

std::string Notification::event_id() const {
  return "helloasso:" + event_type + ":" + resource + (state.empty() ? "" : ":" + state);
}

Notification read_notification(std::string_view body) {
  const boost::json::value root = parse_json(body, "notification", CAISSE_STATUS_INVALID_ARGUMENT);
  const JsonField notification(root, "notification");
  Notification out;
  const JsonField type = notification["eventType"];
  out.event_type = type.text();
  if (std::find(kEventTypes.begin(), kEventTypes.end(), out.event_type) == kEventTypes.end()) {
    type.fail("is \"" + out.event_type + "\", not Payment, Order, Form or Organization");
  }
  const JsonField data = notification["data"];
  if (!data.present()) data.fail("is missing");
  out.resource = resource_of(data, out.event_type);
  out.state = data["state"].optional_text().value_or("");
  return out;
}

}  // namespace caisse::adapters::helloasso
