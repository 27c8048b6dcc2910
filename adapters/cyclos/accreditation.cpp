#include "accreditation.hpp"

#include <boost/json.hpp>

#include <vector>

#include "answer_reading.hpp"

namespace caisse::adapters::cyclos {
namespace {

// GET /{user}/group answers GroupMembershipData, GET /{user}/status UserStatusData.
std::string current_value(const CyclosApi& api, const std::string& path, bool group_mode) {
  const std::string what = "GET " + path;
  const Answer answer = api.get(path);
  if (answer.delivery != Delivery::answered) throw MalformedAnswer(what + ": " + answer.reason);
  if (answer.response.status != 200) {
    throw MalformedAnswer(what + ": " + describe_status(answer.response));
  }
  const boost::json::value body = parse_body(answer.response, what);
  const boost::json::object& data = object_of(body, what);
  if (!group_mode) return string_member(data, "status", what);
  const boost::json::object& group = object_member(data, "group", what);
  // Groups are referred to by internal name in the configuration; fall back to the id.
  return optional_string(group, "internalName", what).value_or(string_member(group, "id", what));
}

void change(const CyclosApi& api, const std::string& path, std::string_view key,
            const std::string& value, std::string comment) {
  const std::string what = "POST " + path;
  const Answer answer = api.post(path, boost::json::serialize(boost::json::object{
                                           {key, value}, {"comment", std::move(comment)}}));
  if (answer.delivery != Delivery::answered) throw MalformedAnswer(what + ": " + answer.reason);
  if (answer.response.status != 204 && answer.response.status != 200) {
    throw MalformedAnswer(what + ": " + describe_status(answer.response));
  }
}

}  // namespace

void check(const AccreditationSettings& settings) {
  if (settings.mode == "group") {
    if (settings.accredited_group.empty() || settings.suspended_group.empty()) {
      throw sdk::ConfigError(
          "accreditation = \"group\" needs accredited_group and suspended_group");
    }
  } else if (settings.mode != "status" && settings.mode != "none") {
    throw sdk::ConfigError("accreditation must be \"group\", \"status\" or \"none\", not \"" +
                           settings.mode + "\"");
  }
}

void sync_merchants(const CyclosApi& api, sdk::Host host, const AccreditationSettings& settings,
                    std::span<const sdk::Merchant> merchants) {
  if (settings.mode == "none") {
    throw sdk::StatusError(CAISSE_STATUS_UNSUPPORTED,
                           "accreditation = \"none\": merchants are managed in Cyclos by hand");
  }
  const bool group_mode = settings.mode == "group";
  std::vector<std::string> behind;
  for (const sdk::Merchant& merchant : merchants) {
    const std::string name(merchant.merchant_id);
    if (merchant.backend_ref.empty()) {
      behind.push_back(name + " (no Cyclos user given)");
      continue;
    }
    const std::string path =
        "/" + percent_encode(merchant.backend_ref) + (group_mode ? "/group" : "/status");
    const std::string wanted =
        group_mode ? (merchant.accredited ? settings.accredited_group : settings.suspended_group)
                   : (merchant.accredited ? "active" : "blocked");
    try {
      if (current_value(api, path, group_mode) == wanted) continue;
      change(api, path, group_mode ? "group" : "status", wanted,
             std::string("caissed: ") + (merchant.accredited ? "accredited" : "suspended") +
                 " by the committee (" + name + ")");
      host.metric_add("merchants_changed");
    } catch (const MalformedAnswer& e) {
      behind.push_back(name + " (" + e.what() + ")");
    }
  }
  if (!behind.empty()) {
    std::string message = std::to_string(behind.size()) + " of " +
                          std::to_string(merchants.size()) + " merchants not in step with Cyclos:";
    for (const std::string& one : behind) message += " " + one + ";";
    throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, message);
  }
}

}  // namespace caisse::adapters::cyclos
