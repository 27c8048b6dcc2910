#include "peer_json.hpp"

#include <boost/json.hpp>

namespace caisse::testing::helloasso {
namespace {

boost::json::object meta(const PeerPayment& payment) {
  return {{"createdAt", payment.date}, {"updatedAt", payment.date}};
}

boost::json::object payer(const PeerPayment& payment) {
  return {{"email", payment.payer_email}, {"country", "FRA"}};
}

// OrderLight, and the first keys of OrderDetail.
boost::json::object order_light(const PeerPayment& payment, std::string_view organization_slug) {
  return {{"id", payment.order_id},
          {"date", payment.date},
          {"formSlug", payment.form_slug},
          {"formType", payment.form_type},
          {"organizationName", "Caisse alimentaire commune"},
          {"organizationSlug", organization_slug},
          {"organizationType", "Association1901"},
          {"organizationIsUnderColucheLaw", false},
          {"meta", meta(payment)}};
}

bool refunded(const PeerPayment& payment) {
  return payment.state == "Refunded" || payment.state == "Refunding";
}

// A refund given back in full: HelloAsso lists it on the payment.
boost::json::array refund_operations(const PeerPayment& payment) {
  boost::json::array out;
  if (!refunded(payment)) return out;
  out.push_back(boost::json::object{{"id", payment.id + 500000},
                                    {"amount", payment.amount},
                                    {"amountTip", 0},
                                    {"status", payment.state == "Refunded" ? "Processed" : "Init"},
                                    {"meta", meta(payment)}});
  return out;
}

}  // namespace

boost::json::object payment_json(const PeerPayment& payment, std::string_view organization_slug) {
  boost::json::object item{{"id", payment.order_id * 10 + 1},
                           {"shareAmount", payment.amount},
                           {"shareItemAmount", payment.amount},
                           {"amount", payment.amount},
                           {"type", "Membership"},
                           {"state", "Processed"},
                           {"name", "Cotisation"}};
  return {{"order", order_light(payment, organization_slug)},
          {"payer", payer(payment)},
          {"items", boost::json::array{item}},
          {"id", payment.id},
          {"amount", payment.amount},
          {"amountTip", 0},
          {"date", payment.date},
          {"paymentMeans", payment.payment_means},
          {"installmentNumber", 1},
          {"state", payment.state},
          {"type", "Offline" == payment.payment_means ? "Offline" : "Credit"},
          {"cashOutState", refunded(payment) ? "Refunded" : "MoneyIn"},
          {"meta", meta(payment)},
          {"refundOperations", refund_operations(payment)}};
}

boost::json::object order_json(const std::vector<const PeerPayment*>& payments,
                               std::string_view organization_slug) {
  const PeerPayment& first = *payments.front();
  boost::json::array fields;
  std::int64_t field_id = 1;
  for (const auto& [name, answer] : first.custom_fields) {
    fields.push_back(
        {{"id", field_id++}, {"name", name}, {"type", "TextInput"}, {"answer", answer}});
  }
  boost::json::array shares;
  boost::json::array order_payments;
  std::int64_t total = 0;
  for (const PeerPayment* payment : payments) {
    total += payment->amount;
    shares.push_back({{"id", payment->id}, {"shareAmount", payment->amount}});
    boost::json::object line = payment_json(*payment, organization_slug);
    // OrderPayment has the payment's keys but order and payer, and its items are ShareItems.
    line.erase("order");
    line.erase("payer");
    line["items"] = boost::json::array{{{"id", first.order_id * 10 + 1},
                                        {"shareAmount", payment->amount},
                                        {"shareItemAmount", payment->amount}}};
    order_payments.push_back(std::move(line));
  }
  boost::json::object item{{"payments", std::move(shares)}, {"name", "Cotisation"},
                           {"priceCategory", "Pwyw"},       {"customFields", std::move(fields)},
                           {"id", first.order_id * 10 + 1}, {"amount", total},
                           {"type", "Membership"},          {"state", "Processed"}};
  boost::json::object out = order_light(first, organization_slug);
  out["payer"] = payer(first);
  out["items"] = boost::json::array{std::move(item)};
  out["payments"] = std::move(order_payments);
  out["amount"] = boost::json::object{{"total", total}, {"vat", 0}, {"discount", 0}};
  return out;
}

boost::json::object notification_json(const PeerPayment& payment,
                                      std::string_view organization_slug) {
  return {{"eventType", "Payment"},
          {"data", payment_json(payment, organization_slug)},
          {"metadata", boost::json::object{}}};
}

}  // namespace caisse::testing::helloasso
