// The host's side of caisse_host_context_t: everything a callback needs to act for one plugin
// instance. The plugin only ever sees a pointer to it.
#pragma once

#include <caisse/sdk.h>

#include <deque>
#include <string>
#include <vector>

#include "config/resolved_plugin_config.hpp"
#include "net/http_client.hpp"
#include "plugins/plugin_services.hpp"

// Global namespace: the C header declares `struct caisse_host_context`.
struct caisse_host_context {
  std::string caisse_id;
  std::string instance;
  // The plugin's declared schema: a getter for an undeclared key or the wrong type is refused.
  const caisse_plugin_t* descriptor = nullptr;
  // Read by caisse_host_config_get_*; values live until the instance is destroyed.
  caisse::host::config::ResolvedPluginConfig config;
  caisse::host::plugins::PluginServices* services = nullptr;
  // The last message set with caisse_host_set_error during the current hook.
  std::string last_error;
  // Values returned by caisse_host_kv_get during the current hook. A deque, so that a second
  // kv_get in the same hook does not move the first value; cleared when the hook returns.
  std::deque<std::string> kv_values;
  // Answers returned by caisse_host_http_send during the current hook, with the C view of their
  // headers and the reason of a failure; cleared when the hook returns, like kv_values.
  struct HttpAnswer {
    caisse::host::net::HttpResponse response;
    std::vector<caisse_http_header_t> headers;
    std::string error;
  };
  std::deque<HttpAnswer> http_answers;
};
