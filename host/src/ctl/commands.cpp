#include "ctl/commands.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "ctl/admin_client.hpp"
#include "ctl/render.hpp"
#include "ctl/token.hpp"

namespace caisse::host::ctl {
namespace {

bool is_unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string percent_encode(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : segment) {
    if (is_unreserved(c)) {
      out.push_back(c);
    } else {
      auto byte = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out;
}

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

// The daemon's {"error": "..."} message, or a short excerpt of whatever else it sent.
std::string refusal_message(const HttpAnswer& answer) {
  boost::json::error_code ec;
  boost::json::value body = boost::json::parse(answer.body, ec);
  if (!ec && body.is_object()) {
    if (const auto* error = body.get_object().if_contains("error"); error && error->is_string()) {
      return std::string(error->get_string());
    }
  }
  std::string excerpt = answer.body.substr(0, 200);
  for (char& c : excerpt) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return excerpt.empty() ? "(no message)" : excerpt;
}

std::string render(Command command, const boost::json::value& answer) {
  switch (command) {
    case Command::status:
      return render_status(answer);
    case Command::plugin_list:
      return render_plugin_list(answer);
    case Command::plugin_describe:
      return render_plugin_detail(answer);
    case Command::help:
      break;
  }
  return {};
}

}  // namespace

std::string api_target(const Invocation& invocation) {
  switch (invocation.command) {
    case Command::status:
      return "/api/v1/status";
    case Command::plugin_list:
      return "/api/v1/plugins";
    case Command::plugin_describe:
      return "/api/v1/plugins/" + percent_encode(invocation.plugin_name);
    case Command::help:
      break;
  }
  return {};
}

int run_command(const Invocation& invocation, std::ostream& out, std::ostream& err) {
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
  ClientOptions options;
  options.token = *token;
  options.ca_file = invocation.ca_file;
  auto client = AdminClient::create(std::move(endpoint.value()), std::move(options));
  if (!client) {
    err << "caissectl: " << client.error().message << '\n';
    return kExitUsage;
  }

  auto answer = client->get(api_target(invocation));
  if (!answer) {
    err << "caissectl: " << answer.error().message << '\n';
    return kExitUnreachable;
  }
  if (answer->status < 200 || answer->status >= 300) {
    err << "caissectl: the daemon refused (HTTP " << answer->status
        << "): " << refusal_message(*answer) << '\n';
    if (answer->status == 401 && !token->has_value()) {
      err << "caissectl: no token was given: set CAISSE_TOKEN or use --token-file FILE\n";
    }
    return kExitRefused;
  }

  boost::json::error_code ec;
  boost::json::value body = boost::json::parse(answer->body, ec);
  if (ec) {
    err << "caissectl: the daemon's answer is not JSON (" << ec.message() << ")\n";
    return kExitRefused;
  }
  if (invocation.json) {
    out << boost::json::serialize(body) << '\n';
  } else {
    out << render(invocation.command, body);
  }
  return kExitOk;
}

}  // namespace caisse::host::ctl
