// A currency instance of a caisse as the merchant and purchase work sees it: its name, the
// running plugin instance (or why there is none), and what became of asking it something.
// Each instance is asked on its own: one backend that fails or cannot do something never stops
// the others.
#pragma once

#include <string>

#include "plugins/plugin_instance.hpp"

namespace caisse::host::merchants {

struct CurrencyInstance {
  std::string name;                            // the [[plugin]] instance
  plugins::PluginInstance* running = nullptr;  // null when it did not start
  std::string error;                           // why it did not start
};

// What one instance did with a request: it did it, its plugin cannot do such a thing
// (the optional hook is absent: not an error, there is nothing to retry), or it failed.
enum class CallStatus { ok, unsupported, error };

// "ok", "unsupported", "error".
const char* call_status_name(CallStatus status);

}  // namespace caisse::host::merchants
