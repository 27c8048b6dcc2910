#include "dashboard/month_dashboard.hpp"

#include "dashboard/cycle_figures.hpp"
#include "store/transaction.hpp"

namespace caisse::host::dashboard {

Result<MonthDashboard> read_month_dashboard(store::PgConnection& db,
                                            const config::CaisseConfig& caisse, Month month,
                                            ledger::Date today) {
  auto snapshot = store::Transaction::begin(db);
  if (!snapshot) return snapshot.error();
  if (auto isolated = db.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      !isolated) {
    return isolated.error();
  }
  const cycle::Today fixed_today = [today] { return today; };
  MonthDashboard out;
  auto allocation = month_cycle(db, caisse, month, cycle::CycleKind::allocation, fixed_today);
  if (!allocation) return allocation.error();
  out.cycle = std::move(*allocation);
  auto bonus = month_cycle(db, caisse, month, cycle::CycleKind::bonus, fixed_today);
  if (!bonus) return bonus.error();
  out.bonus_cycle = std::move(*bonus);
  auto money_in = money_in_figures(db, caisse, month);
  if (!money_in) return money_in.error();
  out.money_in = std::move(*money_in);
  auto spending = month_spending(db, caisse.id, month);
  if (!spending) return spending.error();
  out.spending = std::move(*spending);
  auto accreditation = accreditation_pipeline(db, caisse.id, today);
  if (!accreditation) return accreditation.error();
  out.accreditation = std::move(*accreditation);
  auto bank = bank_queue(db, caisse.id);
  if (!bank) return bank.error();
  out.bank = std::move(*bank);
  // Nothing was written: the snapshot is simply let go (rolled back).
  return out;
}

}  // namespace caisse::host::dashboard
