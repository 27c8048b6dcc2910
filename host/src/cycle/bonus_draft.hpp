// The draft of a bonus cycle: for each household with purchases at bonus merchants in the
// month, the bonus rule in force says what the purchases earn. A household whose bonus is zero
// gets no line, so it is never sent a zero credit and never counted late.
#pragma once

#include <string>

#include "cycle/cycle_ports.hpp"
#include "ledger/date.hpp"

namespace caisse::host::cycle {

class BonusDraft final : public DraftSource {
 public:
  // `currency`: the caisse's, of the purchases and of the bonus. Both ports must outlive the
  // draft.
  BonusDraft(TaggedPurchaseSource& purchases, BonusRule& rule, std::string currency)
      : purchases_(purchases), rule_(rule), currency_(std::move(currency)) {}

  std::string rule_version() const override { return rule_.version(); }
  Result<void> for_each_batch(Month month, const DraftBatch& batch) override;

 private:
  TaggedPurchaseSource& purchases_;
  BonusRule& rule_;
  std::string currency_;
};

// The day the bonus of `month` is due: `pay_within_days` after the month's last day (November's
// bonus with 10 days: 2026-12-10). Lines not final after that day are late.
ledger::Date bonus_due_on(Month month, int pay_within_days);

}  // namespace caisse::host::cycle
