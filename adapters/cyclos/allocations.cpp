#include "allocations.hpp"

#include <boost/json.hpp>

#include <array>

#include "answer_reading.hpp"
#include "decimal_amount.hpp"
#include "iso_time.hpp"

namespace caisse::adapters::cyclos {
namespace {

using sdk::Outcome;

std::string sent_key(std::string_view operation_id) {
  return "sent/" + std::string(operation_id);
}

// Transfers are searched from a day before the first attempt: Cyclos dates them with its own
// clock, which may be off from the host's.
constexpr std::int64_t kClockMarginMs = 24LL * 3600 * 1000;

// PaymentErrorCode values (answered with HTTP 500) that mean Cyclos refused the payment for a
// known reason and nothing moved; `unexpected` says nothing of the sort.
constexpr std::array<std::string_view, 12> kRefusals{
    "dailyAmountExceeded",          "dailyPaymentsExceeded",
    "destinationUpperLimitReached", "insufficientBalance",
    "monthlyAmountExceeded",        "monthlyPaymentsExceeded",
    "paymentAmountExceeded",        "pos",
    "timeBetweenPaymentsNotMet",    "weeklyAmountExceeded",
    "weeklyPaymentsExceeded",       "yearlyAmountExceeded"};

bool is_refusal(std::string_view code) {
  for (std::string_view refusal : kRefusals) {
    if (code == refusal) return true;
  }
  return false;
}

// Characters that separate values in Cyclos's customFields and profileFields filters.
bool searchable(std::string_view value) {
  return value.find_first_of(",|") == std::string_view::npos;
}

}  // namespace

std::vector<sdk::OperationResult> Allocations::credit(std::span<const sdk::CreditLine> lines) {
  std::vector<sdk::OperationResult> results;
  results.reserve(lines.size());
  std::string stopped;
  for (const sdk::CreditLine& line : lines) {
    if (!stopped.empty()) {
      results.push_back({Outcome::not_sent, {}, "not tried: " + stopped});
      continue;
    }
    LineResult done = credit_one(line);
    if (done.stop) stopped = done.result.message;
    host_.metric_add(done.result.outcome == Outcome::succeeded ? "payments_succeeded"
                                                               : "payments_not_succeeded");
    results.push_back(std::move(done.result));
  }
  return results;
}

std::string Allocations::refusal_of(const sdk::CreditLine& line) const {
  if (line.amount.currency != settings_.currency) {
    return "the line is in " + std::string(line.amount.currency) + ", this Cyclos holds " +
           settings_.currency;
  }
  if (line.amount.minor <= 0) return "the amount must be positive";
  if (!searchable(line.operation_id) || !searchable(line.household_id)) {
    return "ids holding ',' or '|' cannot be searched in Cyclos";
  }
  return {};
}

Allocations::LineResult Allocations::credit_one(const sdk::CreditLine& line) {
  if (std::string refusal = refusal_of(line); !refusal.empty()) {
    return {{Outcome::declined, {}, std::move(refusal)}};
  }
  // Before anything is sent, a failure of the state store means nothing happened.
  std::optional<std::string> sent_before;
  MemberLookup member;
  try {
    sent_before = host_.kv_get(sent_key(line.operation_id));
    if (sent_before && sent_before->empty()) sent_before.reset();
    member = members_.find_or_open(line.household_id);
  } catch (const sdk::StatusError& e) {
    return {{Outcome::not_sent, {}, e.what()}, true};
  }
  if (!member.user_id) return {{member.outcome, {}, member.message}, member.unreachable};

  if (sent_before) {
    // Sent once already: it may have arrived. Only a search may allow sending it again.
    sdk::OperationResult earlier;
    try {
      earlier = status(line.operation_id);
    } catch (const sdk::StatusError& e) {
      return {{Outcome::unknown,
               {},
               "sent before; Cyclos cannot be searched now: " + std::string(e.what())}};
    }
    if (earlier.outcome != Outcome::not_sent) return {std::move(earlier)};
  }
  try {
    host_.kv_put(sent_key(line.operation_id), std::to_string(host_.now_ms()));
  } catch (const sdk::StatusError& e) {
    return {{Outcome::not_sent, {}, e.what()}, true};
  }
  LineResult paid = pay(line, *member.user_id);
  const Outcome outcome = paid.result.outcome;
  if (outcome == Outcome::not_sent || outcome == Outcome::declined) {
    // Cyclos said nothing was applied: the next send needs no search first. If the mark cannot
    // be cleared, the next send searches and waits for lost_after, which is slower but safe.
    try {
      host_.kv_put(sent_key(line.operation_id), "");
    } catch (const sdk::StatusError&) {
    }
  }
  return paid;
}

Allocations::LineResult Allocations::pay(const sdk::CreditLine& line, const std::string& user_id) {
  const std::string what = "POST /system/payments";
  boost::json::object payment{
      {"amount", format_decimal(line.amount.minor, settings_.decimal_digits)},
      {"subject", user_id},
      {"type", settings_.payment_type},
      {"description", std::string(line.description) + " [" + std::string(line.operation_id) + "]"},
      {"customValues", boost::json::object{{settings_.operation_field, line.operation_id}}}};
  const Answer answer = api_.post("/system/payments", boost::json::serialize(payment));
  if (answer.delivery == Delivery::not_sent) {
    return {{Outcome::not_sent, {}, what + ": " + answer.reason}, true};
  }
  if (answer.delivery == Delivery::maybe_sent) {
    return {{Outcome::unknown, {}, what + ": " + answer.reason + "; it will be looked up"}};
  }
  const sdk::HttpResponse& response = answer.response;
  const unsigned code = response.status;
  if (code == 201) {
    try {
      const boost::json::value body = parse_body(response, what);
      const boost::json::object& transaction = object_of(body, what);
      const std::string id = string_member(transaction, "id", what);
      return {{Outcome::succeeded,
               optional_string(transaction, "transactionNumber", what).value_or(id),
               {}}};
    } catch (const MalformedAnswer& e) {
      // 201 says it was created, but an answer we cannot read proves nothing: look it up.
      return {{Outcome::unknown, {}, std::string(e.what()) + "; it will be looked up"}};
    }
  }
  const std::string error = error_code(response);
  if (code == 500 && is_refusal(error)) {
    return {{Outcome::declined, {}, "Cyclos refused the payment: " + error}};
  }
  if (code == 422 || code == 400) {
    return {{Outcome::declined, {}, "Cyclos refused the payment: " + describe_status(response)}};
  }
  if (code == 404 && !error.empty()) {
    // A NotFoundError: the member's account vanished since it was cached.
    members_.forget(line.household_id);
    return {{Outcome::declined, {}, "Cyclos: " + describe_status(response)}};
  }
  if (code == 401 || code == 403 || code == 404 || code == 405) {
    // Refused before anything was done: credentials, permissions, base_url, maintenance.
    return {{Outcome::not_sent, {}, what + ": " + describe_status(response)}, true};
  }
  // 5xx from Cyclos or a proxy in front of it: the payment may have been committed.
  return {
      {Outcome::unknown, {}, what + ": " + describe_status(response) + "; it will be looked up"}};
}

sdk::OperationResult Allocations::status(std::string_view operation_id) {
  // Empty: sent once, and Cyclos answered that nothing was applied.
  const std::optional<std::string> sent = host_.kv_get(sent_key(operation_id));
  if (!sent || sent->empty()) return {Outcome::not_sent, {}, "never applied at Cyclos"};
  const std::int64_t sent_ms = std::stoll(*sent);
  if (auto found = search_.find_by_custom_field(settings_.operation_field, operation_id,
                                                sent_ms - kClockMarginMs)) {
    return {Outcome::succeeded, found->reference, {}};
  }
  const std::int64_t waited_ms = host_.now_ms() - sent_ms;
  if (waited_ms >= settings_.lost_after_ms) {
    return {Outcome::not_sent,
            {},
            "not at Cyclos " + std::to_string(waited_ms / 1000) + " s after it was sent at " +
                iso_utc(sent_ms) + ": it never arrived"};
  }
  return {Outcome::unknown, {}, "not at Cyclos yet (sent at " + iso_utc(sent_ms) + ")"};
}

}  // namespace caisse::adapters::cyclos
