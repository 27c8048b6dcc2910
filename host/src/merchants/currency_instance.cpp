#include "merchants/currency_instance.hpp"

namespace caisse::host::merchants {

const char* call_status_name(CallStatus status) {
  switch (status) {
    case CallStatus::ok:
      return "ok";
    case CallStatus::unsupported:
      return "unsupported";
    case CallStatus::error:
      break;
  }
  return "error";
}

}  // namespace caisse::host::merchants
