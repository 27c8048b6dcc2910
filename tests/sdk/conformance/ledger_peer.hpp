// LedgerPeer: an in-process emulator of a small food-currency ledger with a JSON API, the peer of
// the conformance kit's reference adapter (ledger_currency.cpp). It is the kind of backend a kit
// target plugs in as `backend`, and it answers the kit's questions (`effects`, `add_noise`).
//
//   POST /api/transfers           {"operation_id","household","amount","currency","description"}
//       201 {"id","operation_id","household","amount","currency"}   a new transfer (applied)
//       200 the same body         the Idempotency-Key was seen before: nothing applied again
//       422 {"error":"account_closed","message"}   a closed household: nothing applied
//       400 a malformed body, 401 a missing or wrong bearer token
//   GET  /api/transfers?page=P&size=S   newest first, S <= 50:
//       200 {"items":[transfer...],"page":P,"has_more":bool}
//
// Deduplication is by the Idempotency-Key header only, as many real APIs do: a client that
// sends a fresh key per attempt gets a second transfer.
#pragma once

#include <caisse/testing/scripted_transport.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::testing::ledger {

class LedgerPeer {
 public:
  LedgerPeer(std::string token, std::set<std::string> closed_households)
      : token_(std::move(token)), closed_(std::move(closed_households)) {}

  Response handle(const Request& request) {
    if (request.header("Authorization") != "Bearer " + token_) {
      return error(401, "unauthorized", "missing or wrong bearer token");
    }
    const std::string path = request.target.substr(0, request.target.find('?'));
    if (path != "/api/transfers") return error(404, "not_found", "no such resource");
    if (request.method == "POST") return create(request);
    if (request.method == "GET") return list(request.target);
    return error(405, "method_not_allowed", request.method);
  }

  // How many transfers carry this operation id: what the ledger really applied.
  std::size_t times_applied(std::string_view operation_id) const {
    auto found = applied_.find(std::string(operation_id));
    return found == applied_.end() ? 0 : found->second;
  }

  // Other caisses' and months' transfers, newer than everything before them.
  void add_noise(std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      record("alloc/other-caisse/2026-10/N-" + std::to_string(noise_++), "N-HOUSEHOLD", 1000,
             "EUR");
    }
  }

 private:
  struct Transfer {
    std::string id;
    std::string operation_id;
    std::string household;
    std::int64_t amount = 0;
    std::string currency;
  };

  static Response json(unsigned status, const boost::json::value& body) {
    return {status, {{"Content-Type", "application/json"}}, boost::json::serialize(body)};
  }

  static Response error(unsigned status, const char* code, const std::string& message) {
    return json(status, {{"error", code}, {"message", message}});
  }

  static boost::json::value to_json(const Transfer& t) {
    return {{"id", t.id},
            {"operation_id", t.operation_id},
            {"household", t.household},
            {"amount", t.amount},
            {"currency", t.currency}};
  }

  std::size_t record(std::string operation_id, std::string household, std::int64_t amount,
                     std::string currency) {
    ++applied_[operation_id];
    transfers_.push_back({"T-" + std::to_string(100001 + transfers_.size()),
                          std::move(operation_id), std::move(household), amount,
                          std::move(currency)});
    return transfers_.size() - 1;
  }

  Response create(const Request& request) {
    boost::system::error_code ec;
    const boost::json::value body = boost::json::parse(request.body, ec);
    const boost::json::object* o = ec ? nullptr : body.if_object();
    const boost::json::value* op = o ? o->if_contains("operation_id") : nullptr;
    const boost::json::value* household = o ? o->if_contains("household") : nullptr;
    const boost::json::value* amount = o ? o->if_contains("amount") : nullptr;
    const boost::json::value* currency = o ? o->if_contains("currency") : nullptr;
    if (!op || !op->is_string() || !household || !household->is_string() || !amount ||
        !amount->is_int64() || !currency || !currency->is_string()) {
      return error(400, "bad_request", "expected operation_id, household, amount, currency");
    }
    const std::string who(household->get_string());
    if (closed_.count(who) != 0) {
      return error(422, "account_closed", "the account of " + who + " is closed");
    }
    const auto key = request.header("Idempotency-Key");
    if (key) {
      if (auto seen = by_key_.find(*key); seen != by_key_.end()) {
        return json(200, to_json(transfers_[seen->second]));
      }
    }
    const std::size_t index = record(std::string(op->get_string()), who, amount->get_int64(),
                                     std::string(currency->get_string()));
    if (key) by_key_[*key] = index;
    return json(201, to_json(transfers_[index]));
  }

  static std::size_t query_number(const std::string& target, std::string_view name,
                                  std::size_t fallback) {
    const std::size_t query = target.find('?');
    if (query == std::string::npos) return fallback;
    std::string_view rest = std::string_view(target).substr(query + 1);
    while (!rest.empty()) {
      const std::string_view pair = rest.substr(0, rest.find('&'));
      rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
      if (pair.substr(0, pair.find('=')) != name || pair.find('=') == std::string_view::npos) {
        continue;
      }
      std::size_t value = 0;
      for (char c : pair.substr(pair.find('=') + 1)) {
        if (c < '0' || c > '9') return fallback;
        value = value * 10 + static_cast<std::size_t>(c - '0');
      }
      return value;
    }
    return fallback;
  }

  Response list(const std::string& target) {
    const std::size_t page = query_number(target, "page", 0);
    const std::size_t size = std::min<std::size_t>(query_number(target, "size", 20), 50);
    boost::json::array items;
    const std::size_t first = page * size;
    for (std::size_t i = first; i < first + size && i < transfers_.size(); ++i) {
      items.push_back(to_json(transfers_[transfers_.size() - 1 - i]));
    }
    return json(200, {{"items", std::move(items)},
                      {"page", page},
                      {"has_more", first + size < transfers_.size()}});
  }

  std::string token_;
  std::set<std::string> closed_;
  std::vector<Transfer> transfers_;  // oldest first
  std::map<std::string, std::size_t> by_key_;
  std::map<std::string, std::size_t> applied_;
  std::size_t noise_ = 0;
};

}  // namespace caisse::testing::ledger
