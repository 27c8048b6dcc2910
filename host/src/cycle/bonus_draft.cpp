#include "cycle/bonus_draft.hpp"

namespace caisse::host::cycle {

Result<void> BonusDraft::for_each_batch(Month month, const DraftBatch& batch) {
  return purchases_.for_each_batch(
      month, 1000, [&](const std::vector<TaggedPurchases>& households) -> Result<void> {
        std::vector<DraftLine> lines;
        lines.reserve(households.size());
        for (const auto& household : households) {
          plugins::BonusInput input{month.to_string(), household.household_id,
                                    household.adults,  household.children,
                                    currency_,         household.amount_minor};
          auto bonus = rule_.bonus(input);
          if (!bonus) {
            return make_error("household " + household.household_id + ": " + bonus.error().message,
                              ErrorKind::invalid);
          }
          if (*bonus == 0) continue;  // nothing earned: no line (a negative one is refused later)
          lines.push_back({household.household_id, *bonus});
        }
        return lines.empty() ? Result<void>{} : batch(lines);
      });
}

ledger::Date bonus_due_on(Month month, int pay_within_days) {
  const std::chrono::year_month_day_last last{
      std::chrono::year{month.year} / std::chrono::month{static_cast<unsigned>(month.month)} /
      std::chrono::last};
  return ledger::Date{std::chrono::sys_days{last} + std::chrono::days{pay_within_days}};
}

}  // namespace caisse::host::cycle
