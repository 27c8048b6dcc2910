// ledger_currency: the conformance kit's reference CURRENCY adapter, for the JSON ledger that
// ledger_peer.hpp emulates. It shows what the kit expects of an adapter that talks HTTP:
//
//   * credit() POSTs each line with the operation id as Idempotency-Key, and says SUCCEEDED only
//     when the ledger's answer names the transfer, DECLINED only for the ledger's refusal (422),
//     NOT_SENT only when nothing left (the host's UNAVAILABLE), and UNKNOWN for anything else:
//     a lost answer, an HTML page, cut or foreign JSON, a 5xx;
//   * status() pages through the transfer list until it finds the operation or reaches the end,
//     and fails the hook (UNAVAILABLE) when a page cannot be read, rather than guess;
//   * the state store is a cache of confirmed transfers, never the truth.
//
// Built a second time with one of the KIT_BUG_* definitions, it carries one classic adapter bug
// for the kit to catch (tests/sdk/conformance/kit_catches_bugs_test.cpp):
//   KIT_BUG_OPTIMIST              any answer below 500 counts as credited (a 422 refusal too)
//   KIT_BUG_RESEND_AFTER_TIMEOUT  sends again after a lost answer, under a new idempotency key
//   KIT_BUG_FIRST_PAGE_ONLY       status() reads the first page only, then says NOT_SENT
//   KIT_BUG_TRUSTS_KV             status() answers from the state store, never asks the ledger
#include <caisse/sdk.hpp>

#include <boost/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#ifndef KIT_PLUGIN_NAME
#define KIT_PLUGIN_NAME "ledger_currency"
#endif

namespace {

namespace sdk = caisse::sdk;
namespace json = boost::json;

constexpr std::array ledger_config{
    sdk::field::required(
        sdk::field::string("base_url", nullptr, "The ledger's URL, without a trailing slash.")),
    sdk::field::required(sdk::field::secret("api_token", "Bearer token of the caisse's account.")),
    sdk::field::integer("page_size", "20", "Transfers per page when looking an operation up."),
    sdk::field::integer("max_pages", "100", "Pages a lookup reads before giving up for now."),
};

// The start of an answer, on one line, for a message.
std::string excerpt(std::string_view body) {
  std::string out(body.substr(0, 80));
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return body.size() > 80 ? out + "..." : out;
}

std::optional<json::value> parse(std::string_view body) {
  boost::system::error_code ec;
  json::value value = json::parse(body, ec);
  if (ec) return std::nullopt;
  return value;
}

// A string member of a JSON object, or nullopt when the value is not an object or the member
// is missing or not a string.
std::optional<std::string> string_field(const json::value& value, std::string_view key) {
  const json::object* object = value.if_object();
  const json::value* field = object ? object->if_contains(key) : nullptr;
  const json::string* text = field ? field->if_string() : nullptr;
  if (text == nullptr) return std::nullopt;
  return std::string(text->data(), text->size());
}

class LedgerCurrency {
 public:
  explicit LedgerCurrency(sdk::Host host)
      : host_(host),
        base_url_(host.config<std::string>("base_url")),
        token_(host.config<std::string>("api_token")),
        page_size_(host.config<std::int64_t>("page_size")),
        max_pages_(host.config<std::int64_t>("max_pages")) {
    if (page_size_ < 1 || page_size_ > 50) throw sdk::ConfigError("page_size must be 1 to 50");
    if (max_pages_ < 1) throw sdk::ConfigError("max_pages must be at least 1");
  }

  // Credits each line on its own: one line's trouble says nothing about the next one's.
  std::vector<sdk::OperationResult> credit(std::span<const sdk::CreditLine> lines) {
    std::vector<sdk::OperationResult> results;
    for (const sdk::CreditLine& line : lines) results.push_back(credit_one(line));
    return results;
  }

  // Looks the operation up: the cache first, then the ledger's transfers, page by page.
  sdk::OperationResult status(std::string_view operation_id) {
    const std::string key = "transfer/" + std::string(operation_id);
#ifdef KIT_BUG_TRUSTS_KV
    // BUG: the state store is taken for the truth. A credit whose kv_put failed after the ledger
    // applied it is reported NOT_SENT, and the host sends it again.
    if (auto reference = host_.kv_get(key)) return {sdk::Outcome::succeeded, *reference, {}};
    return {sdk::Outcome::not_sent, {}, "no record of it in the state store"};
#else
    try {
      if (auto reference = host_.kv_get(key)) return {sdk::Outcome::succeeded, *reference, {}};
    } catch (const sdk::StatusError&) {
      // The cache is down: the ledger knows anyway.
    }
#endif
    for (std::int64_t page = 0; page < max_pages_; ++page) {
      const json::value list = transfers_page(page);
      for (const json::value& item : list.at("items").get_array()) {
        const std::optional<std::string> id = string_field(item, "id");
        const std::optional<std::string> op = string_field(item, "operation_id");
        if (!id || !op) {
          throw sdk::StatusError(
              CAISSE_STATUS_UNAVAILABLE,
              "a transfer on page " + std::to_string(page) + " has no id or operation_id");
        }
        if (*op == operation_id) return {sdk::Outcome::succeeded, *id, {}};
      }
#ifdef KIT_BUG_FIRST_PAGE_ONLY
      // BUG: the first page is taken for the whole list.
      return {sdk::Outcome::not_sent, {}, "not among the latest transfers"};
#endif
      if (!list.at("has_more").as_bool()) {
        return {sdk::Outcome::not_sent, {}, "no transfer carries this operation id"};
      }
    }
    throw sdk::StatusError(
        CAISSE_STATUS_UNAVAILABLE,
        "read " + std::to_string(max_pages_) + " pages of transfers without reaching the end");
  }

 private:
  static std::string idempotency_key(const sdk::CreditLine& line, int attempt) {
#ifdef KIT_BUG_RESEND_AFTER_TIMEOUT
    // BUG: a key per attempt, so the ledger cannot tell a resend from a new transfer.
    return std::string(line.operation_id) + "#" + std::to_string(attempt);
#else
    (void)attempt;
    return std::string(line.operation_id);
#endif
  }

  sdk::HttpRequest post(const sdk::CreditLine& line, int attempt) const {
    json::object body{{"operation_id", line.operation_id},
                      {"household", line.household_id},
                      {"amount", line.amount.minor},
                      {"currency", line.amount.currency},
                      {"description", line.description}};
    return {"POST",
            base_url_ + "/api/transfers",
            {{"Authorization", "Bearer " + token_},
             {"Content-Type", "application/json"},
             {"Idempotency-Key", idempotency_key(line, attempt)}},
            json::serialize(body),
            10000};
  }

  sdk::OperationResult credit_one(const sdk::CreditLine& line) {
    for (int attempt = 1;; ++attempt) {
      sdk::HttpResponse answer;
      try {
        answer = host_.http_send(post(line, attempt));
      } catch (const sdk::StatusError& e) {
        // Nothing left: the host may send the line again.
        if (e.status() == CAISSE_STATUS_UNAVAILABLE) {
          return {sdk::Outcome::not_sent, {}, std::string("not sent: ") + e.what()};
        }
        if (e.status() != CAISSE_STATUS_UNKNOWN_OUTCOME) throw;
#ifdef KIT_BUG_RESEND_AFTER_TIMEOUT
        if (attempt < 2) continue;  // BUG: "it timed out, let's try again"
#endif
        // It may have arrived: never again as is; the janitor will ask status().
        return {sdk::Outcome::unknown, {}, std::string("no answer, to be looked up: ") + e.what()};
      }
      return read_credit_answer(line, answer);
    }
  }

  sdk::OperationResult read_credit_answer(const sdk::CreditLine& line,
                                          const sdk::HttpResponse& answer) {
#ifdef KIT_BUG_OPTIMIST
    // BUG: "it did not fail, so it worked": a 422 refusal is taken for a credit.
    if (answer.status < 500) return {sdk::Outcome::succeeded, {}, {}};
#endif
    const std::optional<json::value> body = parse(answer.body);
    if ((answer.status == 200 || answer.status == 201) && body) {
      const std::optional<std::string> id = string_field(*body, "id");
      const std::optional<std::string> op = string_field(*body, "operation_id");
      if (id && op && *op == line.operation_id) {
        remember(line.operation_id, *id);
        return {sdk::Outcome::succeeded, *id, {}};
      }
    }
    if (answer.status == 422 && body && string_field(*body, "error")) {
      return {sdk::Outcome::declined, {}, string_field(*body, "message").value_or("refused")};
    }
    return {
        sdk::Outcome::unknown,
        {},
        "unexpected answer, HTTP " + std::to_string(answer.status) + ": " + excerpt(answer.body)};
  }

  // Caches a confirmed transfer; losing the cache loses nothing but a shortcut.
  void remember(std::string_view operation_id, const std::string& reference) {
    const std::string key = "transfer/" + std::string(operation_id);
#ifdef KIT_BUG_TRUSTS_KV
    host_.kv_put(key, reference);  // and status() believes only this
#else
    try {
      host_.kv_put(key, reference);
    } catch (const sdk::StatusError&) {
      host_.warn("event=cache_write_failed operation=" + std::string(operation_id));
    }
#endif
  }

  // One page of transfers, newest first, checked for shape; fails the hook when it cannot.
  json::value transfers_page(std::int64_t page) {
    sdk::HttpResponse answer;
    try {
      answer = host_.http_send({"GET",
                                base_url_ + "/api/transfers?page=" + std::to_string(page) +
                                    "&size=" + std::to_string(page_size_),
                                {{"Authorization", "Bearer " + token_}},
                                std::nullopt,
                                10000});
    } catch (const sdk::StatusError& e) {
      throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE,
                             std::string("cannot look transfers up now: ") + e.what());
    }
    std::optional<json::value> body = parse(answer.body);
    const json::object* list = body ? body->if_object() : nullptr;
    const json::value* items = list ? list->if_contains("items") : nullptr;
    const json::value* has_more = list ? list->if_contains("has_more") : nullptr;
    if (answer.status != 200 || !items || !items->is_array() || !has_more || !has_more->is_bool()) {
      throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE,
                             "unreadable transfer list, page " + std::to_string(page) + ", HTTP " +
                                 std::to_string(answer.status) + ": " + excerpt(answer.body));
    }
    return std::move(*body);
  }

  sdk::Host host_;
  std::string base_url_;
  std::string token_;
  std::int64_t page_size_;
  std::int64_t max_pages_;
};

}  // namespace

CAISSE_PLUGIN(LedgerCurrency, KIT_PLUGIN_NAME, "1.0.0",
              "Credits a JSON ledger over the host's HTTP client (the conformance kit's "
              "reference adapter).",
              ledger_config)
