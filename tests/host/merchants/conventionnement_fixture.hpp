// The merchants fixture plus what conventionnement tests share: a committee decision built field
// by field, recording it as of a given day, and the gate stored for a merchant.
#pragma once

#include <string>

#include "merchants/decisions.hpp"
#include "merchants_fixture.hpp"

namespace caisse::host::merchants {

class ConventionnementTest : public MerchantsTest {
 protected:
  // A consensus decision taken and in force on `day`; an accreditation is re-evaluated a year on.
  static Decision decision(const std::string& merchant, const std::string& kind,
                           const std::string& day) {
    Decision d;
    d.merchant_id = merchant;
    d.decision = kind;
    d.decided_on = day;
    d.method = "consensus";
    d.valid_from = day;
    if (kind == "accredit") d.next_evaluation_on = "2027-10-01";
    d.recorded_by = "committee-token";
    return d;
  }

  RecordedDecision record(const Decision& d, const std::string& today) {
    auto recorded = record_decision(db(), caisse_.id, d, today);
    if (!recorded) throw std::runtime_error(recorded.error().message);
    return *recorded;
  }

  // The stored gate (registry_merchants.accredited) of `merchant`: "t" or "f".
  std::string gate(const std::string& merchant) {
    return scalar("SELECT accredited FROM registry_merchants WHERE id = '" + merchant + "'");
  }
};

}  // namespace caisse::host::merchants
