// The JSON the peer answers, built from what it holds: a payment (the spec's Payment and
// PaymentDetail, which have the same properties), an order (OrderDetail) and a notification body
// as HelloAsso posts it ({"eventType":"Payment","data":{...},"metadata":{...}}).
#pragma once

#include <boost/json/object.hpp>

#include <string_view>
#include <vector>

#include "helloasso_peer.hpp"

namespace caisse::testing::helloasso {

boost::json::object payment_json(const PeerPayment& payment, std::string_view organization_slug);

// `payments`: every payment of the order, the first one giving its date and custom fields.
boost::json::object order_json(const std::vector<const PeerPayment*>& payments,
                               std::string_view organization_slug);

boost::json::object notification_json(const PeerPayment& payment,
                                      std::string_view organization_slug);

}  // namespace caisse::testing::helloasso
