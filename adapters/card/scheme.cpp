#include "scheme.hpp"

namespace caisse::adapters::card {

std::optional<Scheme> scheme_named(std::string_view name) {
  if (name == "standard_webhooks") return Scheme::standard_webhooks;
  if (name == "stripe") return Scheme::stripe;
  if (name == "gocardless") return Scheme::gocardless;
  return std::nullopt;
}

}  // namespace caisse::adapters::card
