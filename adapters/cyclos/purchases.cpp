#include "purchases.hpp"

#include <boost/json.hpp>

#include <map>

#include "answer_reading.hpp"
#include "decimal_amount.hpp"
#include "iso_time.hpp"

namespace caisse::adapters::cyclos {
namespace {

// The user id on one side of a transfer; empty for a system account.
std::string user_of(const boost::json::object& transfer, std::string_view side,
                    std::string_view what) {
  const boost::json::object& account = object_member(transfer, side, what);
  if (optional_string(account, "kind", what).value_or("") != "user") return {};
  return string_member(object_member(account, "user", what), "id", what);
}

}  // namespace

void list_purchases(const TransferSearch& search, Members& members,
                    const PurchaseSettings& settings, std::int64_t from_ms, std::int64_t to_ms,
                    const sdk::PurchaseSink& emit) {
  if (settings.transfer_types.empty()) {
    throw sdk::StatusError(CAISSE_STATUS_UNSUPPORTED,
                           "set purchase_transfer_types to list member-to-merchant payments");
  }
  // A household pays many times a month: ask the kv store (or Cyclos) once per payer.
  std::map<std::string, std::string> household_of_payer;
  const auto household_of = [&](const std::string& payer) -> const std::string& {
    auto known = household_of_payer.find(payer);
    if (known == household_of_payer.end()) {
      known = household_of_payer.emplace(payer, members.household_of(payer)).first;
    }
    return known->second;
  };
  search.each(
      {{"kinds", "payment"},
       {"transferTypes", settings.transfer_types},
       {"datePeriod", iso_utc(from_ms) + "," + iso_utc(to_ms - 1)},
       {"orderBy", "dateAsc"}},
      [&](const boost::json::object& transfer) {
        std::string what = "GET /transfers";
        try {
          const std::string id = string_member(transfer, "id", what);
          what += " transfer " + id;
          const std::string amount_text = string_member(transfer, "amount", what);
          const auto amount = parse_decimal(amount_text, settings.decimal_digits);
          if (!amount || *amount <= 0) {
            throw MalformedAnswer(what + ": amount \"" + amount_text + "\" is not a positive " +
                                  std::to_string(settings.decimal_digits) + "-decimal amount");
          }
          const std::string date_text = string_member(transfer, "date", what);
          const auto paid_at = parse_iso(date_text);
          if (!paid_at)
            throw MalformedAnswer(what + ": date \"" + date_text + "\" is not ISO 8601");
          // datePeriod bounds are Cyclos's to interpret: keep exactly [from, to).
          if (*paid_at < from_ms || *paid_at >= to_ms) return true;
          const std::string payer = user_of(transfer, "from", what);
          const std::string merchant = user_of(transfer, "to", what);
          if (merchant.empty()) return true;  // paid to a system account: not a purchase
          sdk::Purchase purchase;
          purchase.external_ref = id;
          purchase.household_id = payer.empty() ? std::string() : household_of(payer);
          purchase.merchant_ref = merchant;
          purchase.amount_minor = *amount;
          purchase.currency = settings.currency;
          purchase.paid_at_ms = *paid_at;
          emit(purchase);
          return true;
        } catch (const MalformedAnswer& e) {
          throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, e.what());
        }
      });
}

}  // namespace caisse::adapters::cyclos
