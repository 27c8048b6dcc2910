#include "members.hpp"

#include <boost/json.hpp>

#include "answer_reading.hpp"

namespace caisse::adapters::cyclos {
namespace {

std::string member_key(std::string_view household_id) {
  return "member/" + std::string(household_id);
}
std::string household_key(std::string_view user_id) {
  return "household-of/" + std::string(user_id);
}

// customValues[field] of a UserResult, or empty.
std::string custom_value(const boost::json::object& user, std::string_view field) {
  const boost::json::value* values = user.if_contains("customValues");
  if (values == nullptr || !values->is_object()) return {};
  const boost::json::value* value = values->get_object().if_contains(field);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

MemberLookup failed(std::string message, bool unreachable = false) {
  return {std::nullopt, sdk::Outcome::not_sent, std::move(message), unreachable};
}

}  // namespace

MemberLookup Members::find_or_open(std::string_view household_id) {
  // An empty value is an id forgotten after Cyclos stopped knowing it.
  if (auto cached = host_.kv_get(member_key(household_id)); cached && !cached->empty()) {
    return {*cached, {}, {}, false};
  }
  if (std::optional<MemberLookup> found = search(household_id)) return *std::move(found);
  if (member_group_.empty()) {
    return {std::nullopt, sdk::Outcome::declined,
            "no Cyclos user has " + household_field_ + " = " + std::string(household_id) +
                ": open the account in Cyclos, or set member_group to let caissed open it",
            false};
  }
  return open(household_id);
}

std::optional<MemberLookup> Members::search(std::string_view household_id) {
  const std::string what = "GET /users";
  const Answer answer = api_.get(
      "/users",
      {{"profileFields", household_field_ + ":" + std::string(household_id)}, {"pageSize", "20"}});
  if (answer.delivery != Delivery::answered) {
    // Only a refused connection says the next lines would fail too; a timeout is one call's.
    return failed(what + ": " + answer.reason, answer.delivery == Delivery::not_sent);
  }
  if (answer.response.status != 200) {
    return failed(what + ": " + describe_status(answer.response),
                  answer.response.status == 401 || answer.response.status == 403);
  }
  std::vector<std::string> matches;
  try {
    const boost::json::value body = parse_body(answer.response, what);
    for (const boost::json::value& item : array_of(body, what)) {
      const boost::json::object& user = object_of(item, what + " item");
      // Text custom fields may match loosely ("H-1" in "H-10"): only an exact value counts.
      if (custom_value(user, household_field_) == household_id) {
        matches.push_back(string_member(user, "id", what));
      }
    }
  } catch (const MalformedAnswer& e) {
    return failed(e.what());
  }
  if (matches.size() > 1) {
    return MemberLookup{std::nullopt, sdk::Outcome::declined,
                        std::to_string(matches.size()) + " Cyclos users have " + household_field_ +
                            " = " + std::string(household_id) + ": keep one",
                        false};
  }
  if (matches.empty()) return std::nullopt;
  remember(household_id, matches.front());
  return MemberLookup{matches.front(), {}, {}, false};
}

MemberLookup Members::open(std::string_view household_id) {
  const std::string what = "POST /users";
  // The household id stands in for the name: caissed never sends names or e-mails to Cyclos.
  boost::json::object user{{"name", household_id},
                           {"group", member_group_},
                           {"skipActivationEmail", true},
                           {"customValues", boost::json::object{{household_field_, household_id}}}};
  const Answer answer = api_.post("/users", boost::json::serialize(user));
  if (answer.delivery != Delivery::answered) {
    return failed(what + ": " + answer.reason + "; the account is looked up again next time",
                  answer.delivery == Delivery::not_sent);
  }
  if (answer.response.status == 422) {
    return {std::nullopt, sdk::Outcome::declined,
            "Cyclos refused to open an account for " + std::string(household_id) + ": " +
                describe_status(answer.response),
            false};
  }
  if (answer.response.status != 201) {
    return failed(what + ": " + describe_status(answer.response));
  }
  try {
    const boost::json::value body = parse_body(answer.response, what);
    const std::string id =
        string_member(object_member(object_of(body, what), "user", what), "id", what);
    host_.metric_add("members_opened");
    remember(household_id, id);
    return {id, {}, {}, false};
  } catch (const MalformedAnswer& e) {
    return failed(std::string(e.what()) + "; the account is looked up again next time");
  }
}

void Members::remember(std::string_view household_id, const std::string& user_id) {
  host_.kv_put(member_key(household_id), user_id);
  host_.kv_put(household_key(user_id), household_id);
}

void Members::forget(std::string_view household_id) {
  host_.kv_put(member_key(household_id), "");
}

std::string Members::household_of(std::string_view user_id) {
  if (auto cached = host_.kv_get(household_key(user_id))) return *cached;
  const std::string what = "GET /users/{user}";
  const Answer answer = api_.get("/users/" + percent_encode(user_id));
  if (answer.delivery != Delivery::answered || answer.response.status != 200) {
    throw sdk::StatusError(
        CAISSE_STATUS_UNAVAILABLE,
        what + " for user " + std::string(user_id) + ": " +
            (answer.delivery == Delivery::answered ? describe_status(answer.response)
                                                   : answer.reason));
  }
  try {
    // UserView.customValues is an array of UserCustomFieldValue, unlike UserResult's object.
    const boost::json::value body = parse_body(answer.response, what);
    const boost::json::value* values = object_of(body, what).if_contains("customValues");
    std::string household;
    if (values != nullptr && values->is_array()) {
      for (const boost::json::value& item : values->get_array()) {
        const boost::json::object& value = object_of(item, what + " customValues item");
        const boost::json::object& field = object_member(value, "field", what);
        if (optional_string(field, "internalName", what) == household_field_) {
          household = optional_string(value, "stringValue", what).value_or("");
        }
      }
    }
    host_.kv_put(household_key(user_id), household);
    return household;
  } catch (const MalformedAnswer& e) {
    throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, e.what());
  }
}

}  // namespace caisse::adapters::cyclos
