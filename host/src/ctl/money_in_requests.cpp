#include "ctl/money_in_requests.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "ctl/money_in_command_line.hpp"
#include "ctl/percent_encoding.hpp"

namespace caisse::host::ctl {
namespace {

// {"household": "H-0001"} | {"funder": "ccas"} | {"provider": "card"} | {"ignore": true}, and
// the note when given: the
// decision route's body.
std::string decision_json(const LineDecision& decision) {
  boost::json::object body;
  if (decision.ignore) {
    body["ignore"] = true;
  } else if (!decision.funder.empty()) {
    body["funder"] = decision.funder;
  } else if (!decision.provider.empty()) {
    body["provider"] = decision.provider;
  } else {
    body["household"] = decision.household;
  }
  if (decision.note) body["note"] = *decision.note;
  return boost::json::serialize(body);
}

}  // namespace

std::string money_in_target(const Invocation& invocation) {
  const std::string caisse = "/api/v1/caisses/" + percent_encode(invocation.caisse);
  const std::string run = caisse + "/collections/" + percent_encode(invocation.month);
  const std::string mandate = caisse + "/mandates/" + percent_encode(invocation.subject);
  switch (invocation.command) {
    case Command::mandates_import:
      return caisse + "/mandates/import";
    case Command::mandates_revoke:
      return mandate + "/revoke";
    case Command::mandates_reinstate:
      return mandate + "/reinstate";
    case Command::collection_draft:
      return run + "/draft";
    case Command::collection_file:
      return run + "/file";
    case Command::collection_submitted:
      return run + "/submitted";
    case Command::collection_status:
      return run;
    case Command::statement_import:
      return caisse + "/statements/" + percent_encode(invocation.instance);
    case Command::payment_report_import:
      return caisse + "/payment-reports/" + percent_encode(invocation.instance);
    case Command::bank_queue:
      return caisse + "/bank-lines" +
             (invocation.line_status.empty() ? ""
                                             : "?status=" + percent_encode(invocation.line_status));
    case Command::bank_decide:
      return caisse + "/bank-lines/" + percent_encode(invocation.subject) + "/decision";
    case Command::webhooks_dead:
      return caisse + "/webhooks/dead";
    case Command::webhooks_replay:
      return caisse + "/webhooks/dead/" + percent_encode(invocation.subject) + "/replay";
    default:
      return {};
  }
}

bool money_in_is_post(Command command) {
  return is_money_in(command) && command != Command::collection_status &&
         command != Command::bank_queue && command != Command::webhooks_dead;
}

Result<RequestBody> money_in_body(const Invocation& invocation) {
  switch (invocation.command) {
    case Command::mandates_import:
      return file_body(invocation.file, "text/csv");
    // A statement is CSV, camt XML or CFONB text, whichever the statement instance reads.
    case Command::statement_import:
      return file_body(invocation.file, "application/octet-stream");
    case Command::payment_report_import:
      return file_body(invocation.file, "application/xml");
    case Command::collection_draft:
      return json_body(boost::json::serialize(boost::json::object{
          {"collection_date", invocation.collection_date}, {"collector", invocation.collector}}));
    case Command::bank_decide:
      return json_body(decision_json(invocation.decision));
    default:
      return RequestBody{};
  }
}

}  // namespace caisse::host::ctl
