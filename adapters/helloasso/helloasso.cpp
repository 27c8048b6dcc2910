// helloasso: a COLLECTOR for contributions paid on HelloAsso (cards, SEPA debits of its forms).
// HelloAsso's notifications are not signed, so a notification is never believed: verify_webhook
// only checks its shape and names the event, and read_webhook asks the API (OAuth2 client
// credentials) what became of the payment and reports that. list_payments reads every payment
// of a period for reconciliation. Every request goes through the host's HTTP client: the
// instance's `http_allow` must list the API's origin (and the token URL's, when another).
// README.md says what the operator needs and what this cannot do.
#include <caisse/sdk.hpp>

#include <array>
#include <string>

#include "helloasso_api.hpp"
#include "households.hpp"
#include "notification.hpp"
#include "payments.hpp"

namespace {

namespace sdk = caisse::sdk;
namespace helloasso = caisse::adapters::helloasso;

constexpr std::array helloasso_config{
    sdk::field::string("api_url", "https://api.helloasso.com",
                       "The API root, without /v5 (sandbox: https://api.helloasso-sandbox.com)."),
    sdk::field::string("token_url", "https://api.helloasso.com/oauth2/token",
                       "The OAuth2 token endpoint (the spec's clientCredentials tokenUrl)."),
    sdk::field::required(sdk::field::string("organization_slug", nullptr,
                                            "The association's slug in HelloAsso URLs.")),
    sdk::field::required(
        sdk::field::string("client_id", nullptr, "The association's API client id.")),
    sdk::field::required(sdk::field::secret("client_secret", "That client's secret.")),
    sdk::field::string("household_field", "",
                       "Custom field of the form holding the caissed household id; empty: none."),
    sdk::field::integer("timeout_ms", "10000", "Deadline of one request to HelloAsso."),
    sdk::field::integer("page_size", "100", "Payments per page when listing (1 to 100)."),
};

helloasso::ApiSettings api_settings(const sdk::Host& host) {
  helloasso::ApiSettings out;
  out.api_url = host.config<std::string>("api_url");
  out.token_url = host.config<std::string>("token_url");
  out.client_id = host.config<std::string>("client_id");
  out.client_secret = host.config<std::string>("client_secret");
  out.timeout_ms = host.config<std::int64_t>("timeout_ms");
  return out;
}

class HelloAsso {
 public:
  explicit HelloAsso(sdk::Host host)
      : host_(host),
        api_(host, api_settings(host)),
        households_(api_, host, host.config<std::string>("household_field")),
        payments_(api_, households_, host.config<std::string>("organization_slug"),
                  host.config<std::int64_t>("page_size")) {}

  // Fast and offline, as the host needs before it answers HelloAsso: the shape, and the event id.
  std::string verify_webhook(const sdk::Webhook& hook) {
    return helloasso::read_notification(hook.body).event_id();
  }

  // One event for a Payment notification, from the API's answer only. Order, Form and
  // Organization notifications carry no payment outcome of their own (each payment of an order
  // is notified as a Payment too), so they give none.
  void read_webhook(const sdk::Webhook& hook, const sdk::PaymentEventSink& emit) {
    const helloasso::Notification notification = helloasso::read_notification(hook.body);
    if (notification.event_type != "Payment") {
      host_.debug("event=notification_without_payment id=" + notification.event_id());
      return;
    }
    emit(payments_.one(notification.resource));
  }

  void list_payments(std::int64_t from_ms, std::int64_t to_ms, const sdk::PaymentEventSink& emit) {
    payments_.list(from_ms, to_ms, emit);
  }

 private:
  sdk::Host host_;
  helloasso::HelloAssoApi api_;
  helloasso::Households households_;
  helloasso::Payments payments_;
};

}  // namespace

CAISSE_PLUGIN(HelloAsso, "helloasso", "1.0.0",
              "HelloAsso: contributions paid on its forms, read back from its API.",
              helloasso_config)
