// A CURRENCY plugin that reaches its backend only through the host's HTTP service, as the vendor
// adapters do: credit POSTs each line to `endpoint`/credits with the operation id as body, status
// GETs `endpoint`/credits/<id>. A 2xx answer is SUCCEEDED with the body as reference, a 404 from
// status is NOT_SENT, any other answer is DECLINED with the status code. A failed exchange is
// thrown as it came (UNAVAILABLE, UNKNOWN_OUTCOME, PERMISSION_DENIED), so the host keeps the
// lines' outcome unknown.
#include <caisse/sdk.hpp>

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace sdk = caisse::sdk;

constexpr std::array http_currency_config{
    sdk::field::required(sdk::field::string("endpoint", nullptr, "Base URL of the backend.")),
    sdk::field::integer("timeout_ms", "0", "Read timeout; 0 for the host's default."),
};

class HttpCurrency {
 public:
  explicit HttpCurrency(sdk::Host host)
      : host_(host),
        endpoint_(host.config<std::string>("endpoint")),
        timeout_ms_(static_cast<std::uint32_t>(host.config<std::int64_t>("timeout_ms"))) {}

  std::vector<sdk::OperationResult> credit(std::span<const sdk::CreditLine> lines) {
    std::vector<sdk::OperationResult> results;
    for (const auto& line : lines) {
      sdk::HttpRequest request{
          "POST",
          endpoint_ + "/credits",
          {{"Content-Type", "text/plain"}, {"X-Household", std::string(line.household_id)}},
          std::string(line.operation_id),
          timeout_ms_};
      results.push_back(outcome(host_.http_send(request)));
    }
    return results;
  }

  sdk::OperationResult status(std::string_view operation_id) {
    auto answer = host_.http_send({"GET",
                                   endpoint_ + "/credits/" + std::string(operation_id),
                                   {},
                                   std::nullopt,
                                   timeout_ms_});
    if (answer.status == 404) return {sdk::Outcome::not_sent, std::string(), "unknown to the peer"};
    return outcome(answer);
  }

 private:
  static sdk::OperationResult outcome(const sdk::HttpResponse& answer) {
    if (answer.status >= 200 && answer.status < 300) {
      return {sdk::Outcome::succeeded, answer.body, answer.header("X-Peer").value_or("")};
    }
    return {sdk::Outcome::declined, std::string(), "HTTP " + std::to_string(answer.status)};
  }

  sdk::Host host_;
  std::string endpoint_;
  std::uint32_t timeout_ms_;
};

}  // namespace

CAISSE_PLUGIN(HttpCurrency, "http_currency", "0.0.1", "Credits through the host's HTTP client.",
              http_currency_config)
