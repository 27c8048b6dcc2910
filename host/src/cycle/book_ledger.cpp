#include "cycle/book_ledger.hpp"

#include "ledger/balances.hpp"
#include "ledger/chart.hpp"
#include "ledger/journal.hpp"
#include "money/money.hpp"

namespace caisse::host::cycle {
namespace {

constexpr const char* kEuro = "EUR";
constexpr int kEuroMinorUnit = 2;

ledger::Date today() {
  return ledger::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace

BookLedger::BookLedger(store::PgConnection& db, const config::CaisseConfig& caisse,
                       std::set<std::string> operations_only)
    : db_(db), caisse_(caisse), operations_only_(std::move(operations_only)) {}

Result<void> BookLedger::open_chart() {
  auto opened = ledger::open_chart(db_, caisse_.id, kEuro, kEuroMinorUnit, caisse_.currency.code,
                                   caisse_.currency.minor_unit);
  if (!opened) return opened.error();
  return {};
}

Result<std::int64_t> BookLedger::funds_available(Month month) {
  if (auto opened = open_chart(); !opened) return opened.error();
  // Everything received since the caisse began, up to the end of the month.
  auto received = ledger::money_in(
      db_, caisse_.id,
      {ledger::Date{std::chrono::year{2000} / 1 / 1}, ledger::month_period(month).last}, kEuro);
  if (!received) return received.error();
  std::int64_t euros = received->contributions.minor;
  for (const auto& grant : received->grants) {
    if (operations_only_.count(grant.funder_id) == 0) euros += grant.amount.minor;
  }
  auto issuable =
      money::convert_from_euros(euros, caisse_.currency.parity_eur, caisse_.currency.minor_unit);
  if (!issuable) return issuable.error();
  auto issued = ledger::balance(db_, caisse_.id, {ledger::AccountKind::currency_issued, ""});
  if (!issued) return issued.error();
  // currency_issued is an income-like account: its balance is minus what was issued.
  return *issuable + issued->minor;
}

Result<std::int64_t> BookLedger::month_contributions(Month month) {
  if (auto opened = open_chart(); !opened) return opened.error();
  auto received = ledger::money_in(db_, caisse_.id, ledger::month_period(month), kEuro);
  if (!received) return received.error();
  return money::convert_from_euros(received->contributions.minor, caisse_.currency.parity_eur,
                                   caisse_.currency.minor_unit);
}

Result<void> BookLedger::record_issuances(store::PgConnection& db,
                                          const std::vector<Issuance>& issuances) {
  const ledger::Date date = today();
  std::vector<ledger::NewEntry> entries;
  entries.reserve(issuances.size());
  for (const Issuance& issuance : issuances) {
    if (issuance.amount_minor == 0) continue;  // nothing moved: a zero line is not a posting
    // A bonus is currency issued to a household exactly like an allocation, on the same
    // accounts; only its description and source tell them apart.
    const bool bonus = issuance.kind == CycleKind::bonus;
    entries.push_back(ledger::NewEntry{
        issuance.caisse_id,
        issuance.operation_id,
        date,
        (bonus ? "Bonus " : "Allocation ") + issuance.month.to_string() + " " +
            issuance.household_id,
        (bonus ? "bonus:" : "cycle:") + issuance.month.to_string(),
        {{{ledger::AccountKind::member_balances, ""}, {issuance.amount_minor, issuance.currency}},
         {{ledger::AccountKind::currency_issued, ""},
          {-issuance.amount_minor, issuance.currency}}}});
  }
  auto posted = ledger::post_all(db, entries);
  if (!posted) return posted.error();
  return {};
}

}  // namespace caisse::host::cycle
