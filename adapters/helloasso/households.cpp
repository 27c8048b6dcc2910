#include "households.hpp"

#include <boost/json.hpp>

#include "json_field.hpp"

namespace caisse::adapters::helloasso {
namespace {

// Enough for every order of a caisse's year; past it the memory starts again from nothing.
constexpr std::size_t kMaxRemembered = 20000;

}  // namespace

Households::Households(HelloAssoApi& api, sdk::Host host, std::string field)
    : api_(api), host_(host), field_(std::move(field)) {}

std::string Households::of_order(std::int64_t order_id) {
  if (field_.empty() || order_id <= 0) return {};
  if (const auto found = known_.find(order_id); found != known_.end()) return found->second;
  const std::string path = "/v5/orders/" + std::to_string(order_id);
  const boost::json::value body = api_.get(path);
  const JsonField order(body, "GET " + path);
  std::string household;
  for (const JsonField& item : order["items"].items()) {
    for (const JsonField& field : item["customFields"].items()) {
      if (field["name"].optional_text() == field_) {
        household = field["answer"].optional_text().value_or("");
      }
      if (!household.empty()) break;
    }
    if (!household.empty()) break;
  }
  if (household.empty()) {
    host_.warn("event=order_without_household order=" + std::to_string(order_id) + " field=\"" +
               field_ + "\"");
  }
  if (known_.size() >= kMaxRemembered) known_.clear();
  known_[order_id] = household;
  return household;
}

}  // namespace caisse::adapters::helloasso
