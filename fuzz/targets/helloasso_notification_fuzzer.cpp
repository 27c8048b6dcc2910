// HelloAsso's unsigned JSON, the whole input read twice: as a notification POSTed to our webhook
// (anyone can send one), and as an API answer holding payments, alone (GET /v5/payments/{id}) or
// in a listing's "data". Each read must succeed or throw the StatusError that names the source
// and the field.
#include <caisse/sdk.hpp>

#include <cstddef>
#include <cstdint>

#include "fuzz_input.hpp"
#include "json_field.hpp"
#include "notification.hpp"
#include "payment_reading.hpp"
#include "refusal.hpp"

namespace {

namespace helloasso = caisse::adapters::helloasso;

void read_as_notification(std::string_view body) {
  try {
    const helloasso::Notification notification = helloasso::read_notification(body);
    (void)notification.event_id();
  } catch (const caisse::sdk::StatusError& error) {
    caisse::fuzz::check_refusal(error, CAISSE_STATUS_INVALID_ARGUMENT, "notification: ");
  }
}

// A body that is not JSON is UNAVAILABLE (a proxy's page: ask again later); a JSON answer of the
// wrong shape is INVALID_ARGUMENT.
void read_as_api_answer(std::string_view body) {
  constexpr std::string_view source = "GET /v5/payments";
  boost::json::value root;
  try {
    root = helloasso::parse_json(body, source, CAISSE_STATUS_UNAVAILABLE);
  } catch (const caisse::sdk::StatusError& error) {
    caisse::fuzz::check_refusal(error, CAISSE_STATUS_UNAVAILABLE, source);
    return;
  }
  const helloasso::JsonField answer(root, std::string(source));
  try {
    (void)helloasso::read_payment(answer);
  } catch (const caisse::sdk::StatusError& error) {
    caisse::fuzz::check_refusal(error, CAISSE_STATUS_INVALID_ARGUMENT, source);
  }
  try {
    for (const helloasso::JsonField& item : answer["data"].items()) {
      (void)helloasso::read_payment(item);
    }
  } catch (const caisse::sdk::StatusError& error) {
    caisse::fuzz::check_refusal(error, CAISSE_STATUS_INVALID_ARGUMENT, source);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = caisse::fuzz::as_text(data, size);
  read_as_notification(body);
  read_as_api_answer(body);
  return 0;
}
