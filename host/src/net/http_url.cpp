#include "net/http_url.hpp"

#include <boost/url/parse.hpp>

namespace caisse::host::net {
namespace {

std::string lowercase(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

Result<HttpUrl> parse_http_url(std::string_view url) {
  const std::string quoted = "URL '" + std::string(url) + "'";
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) {
    return make_error(quoted + " is not an absolute http(s) URL: " + parsed.error().message(),
                      ErrorKind::invalid);
  }
  boost::urls::url_view view = *parsed;
  HttpUrl out;
  if (view.scheme_id() == boost::urls::scheme::https) {
    out.peer.tls = true;
  } else if (view.scheme_id() != boost::urls::scheme::http) {
    return make_error(quoted + ": the scheme must be http or https", ErrorKind::invalid);
  }
  if (view.has_userinfo()) {
    // Do not echo the URL: it holds a password.
    return make_error("the URL must not hold a user or password", ErrorKind::invalid);
  }
  if (view.host_type() == boost::urls::host_type::none || view.encoded_host().empty()) {
    return make_error(quoted + " has no host", ErrorKind::invalid);
  }
  out.peer.host = view.host_address();
  if (view.has_port()) {
    if (view.port().empty() || view.port_number() == 0) {
      return make_error(quoted + " has an invalid port", ErrorKind::invalid);
    }
    out.peer.port = std::string(view.port());
  } else {
    out.peer.port = out.peer.tls ? "443" : "80";
  }
  out.peer.authority = std::string(view.encoded_host_and_port());
  out.path = view.encoded_path().empty() ? "/" : std::string(view.encoded_path());
  out.has_query = view.has_query();
  out.query = std::string(view.encoded_query());
  out.has_fragment = view.has_fragment();
  const std::string scheme = out.peer.tls ? "https" : "http";
  out.peer.url = scheme + "://" + out.peer.authority + out.path;
  out.origin = scheme + "://" + lowercase(std::string(view.encoded_host())) + ":" + out.peer.port;
  return out;
}

}  // namespace caisse::host::net
