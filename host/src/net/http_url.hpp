// An absolute http:// or https:// URL taken apart for an outbound request: where to connect,
// what to ask for, and the origin that the egress allow-list (a plugin instance's `http_allow`)
// is checked against.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "net/http_client.hpp"

namespace caisse::host::net {

struct HttpUrl {
  HttpPeer peer;       // peer.url is the URL without its query and fragment, for messages
  std::string origin;  // "https://cyclos.example.org:443": lowercase scheme and host, port
  std::string path;    // as encoded in the URL, "/" when it has none
  std::string query;   // as encoded, without '?'; empty when none
  bool has_query = false;
  bool has_fragment = false;

  // The request target: path, then '?' and the query when there is one.
  std::string target() const { return has_query ? path + "?" + query : path; }
};

// Errors (kind invalid): not an absolute URL, a scheme other than http or https, a user or
// password in the URL (the message then does not repeat the URL), no host, an invalid port.
Result<HttpUrl> parse_http_url(std::string_view url);

}  // namespace caisse::host::net
