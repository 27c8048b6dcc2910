#include "ctl/commands.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <vector>

#include "ctl/admin_client.hpp"
#include "ctl/conventionnement_command_line.hpp"
#include "ctl/conventionnement_requests.hpp"
#include "ctl/debit_file.hpp"
#include "ctl/money_in_command_line.hpp"
#include "ctl/money_in_requests.hpp"
#include "ctl/percent_encoding.hpp"
#include "ctl/render.hpp"
#include "ctl/render_conventionnement.hpp"
#include "ctl/render_merchants.hpp"
#include "ctl/render_money_in.hpp"
#include "ctl/request_body.hpp"
#include "ctl/token.hpp"

namespace caisse::host::ctl {
namespace {

// The cycle actions, imports and calls to the currency backends do their work before answering
// (computing a month, sending every line, loading a file, listing a month of purchases): they
// get longer than the 30 s a read is allowed by default.
constexpr std::chrono::minutes kPostReadTimeout{5};

Result<std::optional<std::string>> resolve_token(const Invocation& invocation) {
  if (invocation.token_file) {
    auto token = read_token_file(*invocation.token_file);
    if (!token) return token.error();
    return std::optional<std::string>(std::move(token.value()));
  }
  if (invocation.token) {
    if (auto ok = check_token(*invocation.token, "CAISSE_TOKEN"); !ok) return ok.error();
    return invocation.token;
  }
  return std::optional<std::string>();
}

// Control characters become spaces: the daemon's text is data, not terminal commands.
std::string clean(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) c = ' ';
  }
  return out;
}

// The daemon's {"error": "..."} message, line by line (an import's errors come one per line), or
// a short excerpt of whatever else it sent, as one line.
std::vector<std::string> refusal_lines(const HttpAnswer& answer) {
  boost::json::error_code ec;
  boost::json::value body = boost::json::parse(answer.body, ec);
  if (!ec && body.is_object()) {
    if (const auto* error = body.get_object().if_contains("error"); error && error->is_string()) {
      std::vector<std::string> lines;
      std::string_view message = error->get_string();
      while (!message.empty()) {
        auto end = message.find('\n');
        std::string line = clean(message.substr(0, end));
        if (!line.empty() && line.back() == ' ') line.pop_back();  // from a "\r\n"
        if (!line.empty()) lines.push_back(std::move(line));
        if (end == std::string_view::npos) break;
        message.remove_prefix(end + 1);
      }
      if (!lines.empty()) return lines;
      return {"(no message)"};
    }
  }
  std::string excerpt = clean(answer.body.substr(0, 200));
  return {excerpt.empty() ? "(no message)" : excerpt};
}

void print_refusal(const HttpAnswer& answer, std::ostream& err) {
  std::vector<std::string> lines = refusal_lines(answer);
  err << "caissectl: the daemon refused (HTTP " << answer.status << "):";
  if (lines.size() == 1) {
    err << ' ' << lines.front() << '\n';
    return;
  }
  err << '\n';
  for (const auto& line : lines) err << "  " << line << '\n';
}

bool is_cycle(Command command) {
  switch (command) {
    case Command::cycle_compute:
    case Command::cycle_approve:
    case Command::cycle_dispatch:
    case Command::cycle_reconcile:
    case Command::cycle_close:
    case Command::cycle_status:
    case Command::cycle_report:
      return true;
    default:
      return false;
  }
}

std::string render(Command command, const boost::json::value& answer) {
  switch (command) {
    case Command::status:
      return render_status(answer);
    case Command::plugin_list:
      return render_plugin_list(answer);
    case Command::plugin_describe:
      return render_plugin_detail(answer);
    case Command::cycle_report:
      return render_cycle_report(answer);
    case Command::import:
      return render_import(answer);
    case Command::ledger_check:
      return render_ledger_check(answer);
    case Command::contribution_suggest:
      return render_contribution_suggestion(answer);
    case Command::merchants_sync:
      return render_merchant_sync(answer);
    case Command::purchases_import:
      return render_purchase_import(answer);
    case Command::purchases_report:
      return render_purchase_report(answer);
    case Command::help:
      break;
    default:
      if (is_cycle(command)) return render_cycle_summary(answer);
      if (is_money_in(command)) return render_money_in(command, answer);
      if (is_conventionnement(command)) return render_conventionnement(command, answer);
      break;
  }
  return {};
}

// `ledger check` succeeds only when the daemon says every invariant holds.
bool ledger_holds(const boost::json::value& answer) {
  const auto* object = answer.if_object();
  const auto* ok = object != nullptr ? object->if_contains("ok") : nullptr;
  return ok != nullptr && ok->is_bool() && ok->get_bool();
}

// Whether a 2xx answer still means the work is not done: a broken invariant, or a currency
// backend that failed a push or a listing.
bool answer_reports_failure(Command command, const boost::json::value& answer) {
  switch (command) {
    case Command::ledger_check:
      return !ledger_holds(answer);
    case Command::merchants_sync:
    case Command::purchases_import:
    case Command::import:
    case Command::decision_record:  // a decision whose push to a backend failed
      return some_instance_failed(answer);
    default:
      return false;
  }
}

// What a POST sends. Errors: the file to send cannot be read.
Result<RequestBody> request_body(const Invocation& invocation) {
  switch (invocation.command) {
    case Command::import:
      return file_body(invocation.file, "text/csv");
    case Command::purchases_import:
      // {"from":"2026-11-01","to":"2026-12-01"}: the days were checked by the command line.
      return json_body(boost::json::serialize(
          boost::json::object{{"from", invocation.from}, {"to", invocation.to}}));
    default:
      if (is_conventionnement(invocation.command)) return conventionnement_body(invocation);
      return money_in_body(invocation);
  }
}

}  // namespace

bool is_post(Command command) {
  switch (command) {
    case Command::cycle_compute:
    case Command::cycle_approve:
    case Command::cycle_dispatch:
    case Command::cycle_reconcile:
    case Command::cycle_close:
    case Command::import:
    case Command::merchants_sync:
    case Command::purchases_import:
      return true;
    default:
      return money_in_is_post(command) || conventionnement_is_post(command);
  }
}

std::string api_target(const Invocation& invocation) {
  const std::string caisse = "/api/v1/caisses/" + percent_encode(invocation.caisse);
  const std::string cycle =
      caisse + (invocation.bonus ? "/bonuses/" : "/cycles/") + percent_encode(invocation.month);
  switch (invocation.command) {
    case Command::status:
      return "/api/v1/status";
    case Command::plugin_list:
      return "/api/v1/plugins";
    case Command::plugin_describe:
      return "/api/v1/plugins/" + percent_encode(invocation.plugin_name);
    case Command::cycle_status:
      return cycle;
    case Command::cycle_compute:
      return cycle + "/compute";
    case Command::cycle_approve:
      return cycle + "/approve";
    case Command::cycle_dispatch:
      return cycle + "/dispatch";
    case Command::cycle_reconcile:
      return cycle + "/reconcile";
    case Command::cycle_close:
      return cycle + "/close";
    case Command::cycle_report:
      return cycle + "/report";
    case Command::import:
      return caisse + "/imports/" + percent_encode(invocation.import_kind);
    case Command::ledger_check:
      return caisse + "/ledger/check";
    case Command::merchants_sync:
      return caisse + "/merchants/sync";
    case Command::purchases_import:
      return caisse + "/purchases/import";
    case Command::purchases_report:
      return caisse + "/purchases?month=" + percent_encode(invocation.month);
    case Command::contribution_suggest: {
      std::string target = caisse + "/contribution-suggestion?";
      std::vector<std::string> fields = invocation.fields;
      if (!invocation.month.empty()) fields.push_back("month=" + invocation.month);
      for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto equals = fields[i].find('=');
        if (i > 0) target += '&';
        target += percent_encode(fields[i].substr(0, equals)) + '=' +
                  percent_encode(fields[i].substr(equals + 1));
      }
      return target;
    }
    case Command::help:
      break;
    default:
      if (is_conventionnement(invocation.command)) return conventionnement_target(invocation);
      return money_in_target(invocation);
  }
  return {};
}

int run_command(const Invocation& invocation, std::ostream& out, std::ostream& err,
                const Services& services) {
  if (invocation.command == Command::help) {
    out << usage_text();
    return kExitOk;
  }
  auto token = resolve_token(invocation);
  if (!token) {
    err << "caissectl: " << token.error().message << '\n';
    return kExitUsage;
  }
  auto endpoint = parse_endpoint(invocation.url);
  if (!endpoint) {
    err << "caissectl: " << endpoint.error().message << '\n';
    return kExitUsage;
  }
  const bool post = is_post(invocation.command);
  RequestBody body;
  if (post) {
    auto built = request_body(invocation);
    if (!built) {
      err << "caissectl: " << built.error().message << '\n';
      return kExitUsage;
    }
    body = std::move(built.value());
  }
  ClientOptions options;
  options.token = *token;
  options.ca_file = invocation.ca_file;
  if (post) options.read_timeout = kPostReadTimeout;
  auto client = AdminClient::create(std::move(endpoint.value()), std::move(options));
  if (!client) {
    err << "caissectl: " << client.error().message << '\n';
    return kExitUsage;
  }

  Result<HttpAnswer> answer = make_error("not sent");
  if (post) {
    std::string key = services.idempotency_key();
    if (invocation.json) err << "caissectl: Idempotency-Key: " << key << '\n';
    Headers headers{{"Idempotency-Key", key}};
    // The daemon names the file in its errors ("households.csv:14: column adults: ...").
    if (body.file_name) headers.emplace_back("X-File-Name", *body.file_name);
    answer =
        client->post(api_target(invocation), std::move(body.bytes), body.content_type, headers);
  } else {
    answer = client->get(api_target(invocation));
  }
  if (!answer) {
    err << "caissectl: " << answer.error().message << '\n';
    if (post && is_cycle(invocation.command) &&
        answer.error().message.find("reading the answer") != std::string::npos) {
      err << "caissectl: the request was sent and may have been carried out: see 'caissectl "
             "cycle status --caisse "
          << invocation.caisse << " --month " << invocation.month << "'\n";
    }
    return kExitUnreachable;
  }
  if (answer->status < 200 || answer->status >= 300) {
    print_refusal(*answer, err);
    if (answer->status == 401 && !token->has_value()) {
      err << "caissectl: no token was given: set CAISSE_TOKEN or use --token-file FILE\n";
    }
    return kExitRefused;
  }
  // The only answer that is not JSON: the pain.008 itself.
  if (invocation.command == Command::collection_file) {
    return deliver_debit_file(invocation, *answer, out, err);
  }

  boost::json::error_code ec;
  boost::json::value result = boost::json::parse(answer->body, ec);
  if (ec) {
    err << "caissectl: the daemon's answer is not JSON (" << ec.message() << ")\n";
    return kExitRefused;
  }
  if (invocation.json) {
    out << boost::json::serialize(result) << '\n';
  } else {
    out << render(invocation.command, result);
  }
  return answer_reports_failure(invocation.command, result) ? kExitRefused : kExitOk;
}

}  // namespace caisse::host::ctl
