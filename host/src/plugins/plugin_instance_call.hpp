// PluginInstance::call, the one way a hook is run, shared by the files that implement
// PluginInstance's role calls (plugin_instance.cpp, plugin_instance_payments.cpp).
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "plugins/descriptor_names.hpp"
#include "plugins/host_context.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/untrusted_enum.hpp"

namespace caisse::host::plugins {

template <class Hook>
Result<void> PluginInstance::call(std::string_view what, Hook&& hook) {
  context_->last_error.clear();
  int status = CAISSE_STATUS_INTERNAL;
  std::string thrown;
  try {
    const caisse_status_t returned = hook();
    status = untrusted_value(returned);
  } catch (const std::exception& e) {
    thrown = std::string("the plugin threw: ") + e.what();
  } catch (...) {
    thrown = "the plugin threw an exception";
  }
  context_->kv_values.clear();
  context_->http_answers.clear();
  last_status_ = thrown.empty() ? status : CAISSE_STATUS_INTERNAL;
  if (!thrown.empty()) return failure(what, thrown);
  if (status == CAISSE_STATUS_OK) return {};
  if (context_->last_error.empty()) return failure(what, status_name(status) + ", no message");
  return failure(what, context_->last_error);
}

}  // namespace caisse::host::plugins
