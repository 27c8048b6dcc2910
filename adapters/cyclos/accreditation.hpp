// Keeping Cyclos in step with the committee: an accredited merchant's user sits in the
// accredited group (or is active), a suspended one in the suspended group (or is blocked), so
// that Cyclos's own payment-type permissions refuse allocation money at non-accredited shops.
#pragma once

#include <span>
#include <string>

#include "cyclos_api.hpp"

namespace caisse::adapters::cyclos {

struct AccreditationSettings {
  // "group": move users between accredited_group and suspended_group; "status": active/blocked;
  // "none": accreditation is managed in Cyclos by hand.
  std::string mode = "none";
  std::string accredited_group;
  std::string suspended_group;
};

// Reads each merchant's group (or status) and changes only those that differ. Throws
// sdk::StatusError: UNSUPPORTED in mode "none", UNAVAILABLE naming every merchant left behind
// (the host sends the whole list again later).
void sync_merchants(const CyclosApi& api, sdk::Host host, const AccreditationSettings& settings,
                    std::span<const sdk::Merchant> merchants);

// Checks a configuration at instance init; throws sdk::ConfigError.
void check(const AccreditationSettings& settings);

}  // namespace caisse::adapters::cyclos
