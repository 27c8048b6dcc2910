// Reading a caisse's book: account balances (now, or as of a date or an entry) and the money
// that came in over a period. Every query names the caisse and reads only its rows. Balances
// follow the sign convention of chart.hpp: income accounts are negative.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/month.hpp"
#include "core/result.hpp"
#include "ledger/chart.hpp"
#include "ledger/date.hpp"
#include "money/money.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::ledger {

// Which entries count. Empty: all of them (read from the running balances). `date`: entries
// dated on or before it. `entry_id`: entries up to and including that id (ids grow in posting
// order). Both: entries that pass both limits.
struct AsOf {
  std::optional<Date> date;
  std::optional<std::int64_t> entry_id;
};

struct AccountBalance {
  Account account;
  money::Money balance;
};

// The balance of one account; an error if it is not open in the caisse.
Result<money::Money> balance(store::PgConnection& db, std::string_view caisse_id,
                             const AccountRef& account, const AsOf& as_of = {});

// Every account of the caisse with its balance, by account id (accounts with no lines show 0).
Result<std::vector<AccountBalance>> balances(store::PgConnection& db, std::string_view caisse_id,
                                             const AsOf& as_of = {});

// Both ends included.
struct Period {
  Date first;
  Date last;
};

// The calendar month, first to last day.
inline Period month_period(Month month) {
  const std::chrono::year_month ym{std::chrono::year{month.year},
                                   std::chrono::month{static_cast<unsigned>(month.month)}};
  return {ym / std::chrono::day{1}, ym / std::chrono::last};
}

struct FunderAmount {
  std::string funder_id;
  money::Money amount;
};

// Money received over a period by entry date, as positive amounts, net of reversals dated in
// the period: contributions, each funder's grants (funders with entries in the period, by id),
// and their total.
struct MoneyIn {
  money::Money contributions;
  std::vector<FunderAmount> grants;
  money::Money total;
};

// `currency` is the euro side's currency ("EUR"): income accounts in other currencies are not
// counted.
Result<MoneyIn> money_in(store::PgConnection& db, std::string_view caisse_id, const Period& period,
                         std::string_view currency);

}  // namespace caisse::host::ledger
