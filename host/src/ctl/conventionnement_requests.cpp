#include "ctl/conventionnement_requests.hpp"

#include <toml++/toml.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "ctl/conventionnement_command_line.hpp"
#include "ctl/percent_encoding.hpp"

namespace caisse::host::ctl {

std::string conventionnement_target(const Invocation& invocation) {
  const std::string caisse = "/api/v1/caisses/" + percent_encode(invocation.caisse);
  switch (invocation.command) {
    case Command::merchant_list:
      return caisse + "/merchants";
    case Command::merchant_show:
      return caisse + "/merchants/" + percent_encode(invocation.subject);
    case Command::merchant_report:
      return caisse + "/merchants/report?month=" + percent_encode(invocation.month);
    case Command::evaluation_record:
      return caisse + "/evaluations?grid=" + percent_encode(invocation.grid_version);
    case Command::decision_record:
      return caisse + "/decisions";
    default:
      return {};
  }
}

bool conventionnement_is_post(Command command) {
  return command == Command::evaluation_record || command == Command::decision_record;
}

std::string decision_record_json(const Invocation& invocation) {
  const MerchantDecision& d = invocation.merchant_decision;
  boost::json::object body{{"merchant_id", invocation.subject},
                           {"decision", d.decision},
                           {"decided_on", d.decided_on},
                           {"method", d.method},
                           {"valid_from", d.valid_from}};
  if (d.votes) {
    body["votes"] = {
        {"in_favour", (*d.votes)[0]}, {"against", (*d.votes)[1]}, {"abstaining", (*d.votes)[2]}};
  }
  if (d.valid_until) body["valid_until"] = *d.valid_until;
  if (d.next_evaluation_on) body["next_evaluation_on"] = *d.next_evaluation_on;
  if (!d.evaluation_ids.empty()) {
    boost::json::array ids;
    for (auto id : d.evaluation_ids) ids.emplace_back(id);
    body["evaluation_ids"] = std::move(ids);
  }
  if (d.note) body["note"] = *d.note;
  return boost::json::serialize(body);
}

std::string evaluation_grid_version(std::string_view toml_text) {
  try {
    toml::table table = toml::parse(toml_text);
    return std::string(table["grid_version"].value_or(std::string_view()));
  } catch (const toml::parse_error&) {
    return {};
  }
}

Result<RequestBody> conventionnement_body(const Invocation& invocation) {
  if (invocation.command == Command::decision_record) {
    return json_body(decision_record_json(invocation));
  }
  if (invocation.command != Command::evaluation_record) return RequestBody{};
  auto body = file_body(invocation.file, "application/toml");
  if (!body) return body;
  const std::string named = evaluation_grid_version(body->bytes);
  if (!named.empty() && named != invocation.grid_version) {
    return make_error(invocation.file + ": grid_version \"" + named + "\" is not the --grid " +
                      invocation.grid_version + " asked for (record it with --grid " + named +
                      " if that is the grid the visit used)");
  }
  return body;
}

}  // namespace caisse::host::ctl
