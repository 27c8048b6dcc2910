// The chart of accounts of one caisse's book (docs/ledger.md explains it for operators).
//
// Every line of an entry carries a signed amount: DEBIT IS POSITIVE, CREDIT IS NEGATIVE, and an
// entry sums to zero in each currency. An account's balance is the sum of its lines, so:
//
//   euro side (EUR)            normal balance   what -balance or balance means
//   bank                       >= 0 (debit)     euros the caisse holds (key: which account)
//   contributions              <= 0 (credit)    -balance = members' contributions received
//   grant (key = funder id)    <= 0 (credit)    -balance = co-funding received from the funder
//   reconversion_payouts       >= 0 (debit)     euros paid to merchants who reconverted
//
//   currency side (MONA…)
//   currency_issued            <= 0 (credit)    -balance = currency issued to households
//   member_balances            >= 0 (debit)     currency households hold (mirrors the backend)
//   merchant_balances          >= 0 (debit)     currency merchants hold (key: merchant id)
//   merchant_reconversions     >= 0 (debit)     currency merchants handed back for euros
//
// Typical entries: a contribution is bank +x / contributions -x; a grant bank +x / grant -x; an
// allocation member_balances +x / currency_issued -x; a purchase merchant_balances +x /
// member_balances -x; a reconversion, in one entry, merchant_reconversions +x /
// merchant_balances -x (MONA) and reconversion_payouts +y / bank -y (EUR).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::ledger {

enum class AccountKind {
  bank,
  contributions,
  grant,
  reconversion_payouts,
  currency_issued,
  member_balances,
  merchant_balances,
  merchant_reconversions,
};

// Which invariant an account takes part in: euros received, or currency issued.
enum class Side { euro, currency };

Side side_of(AccountKind kind);
// "bank", "grant", "member_balances"…: the names stored in ledger_accounts.kind.
std::string_view to_string(AccountKind kind);
Result<AccountKind> parse_account_kind(std::string_view text);

// An account as a posting names it: its kind and, for a grant, the funder id ("" otherwise,
// or an id telling several accounts of one kind apart: a merchant, a second bank account).
struct AccountRef {
  AccountKind kind = AccountKind::bank;
  std::string key;

  friend bool operator==(const AccountRef&, const AccountRef&) = default;
};

// "bank", "grant:ccas-nantes".
std::string to_string(const AccountRef& account);

struct Account {
  std::int64_t id = 0;
  std::string caisse_id;
  AccountRef ref;
  std::string currency;
};

// Makes `code` a currency of the caisse's book with `minor_unit` decimals (0-4). Declaring it
// again with the same decimals is a no-op; with other decimals, an error.
Result<void> declare_currency(store::PgConnection& db, std::string_view caisse_id,
                              std::string_view code, int minor_unit);

// The decimals of a currency the caisse declared, or an error naming it.
Result<int> minor_unit_of(store::PgConnection& db, std::string_view caisse_id,
                          std::string_view code);

// Opens an account in a declared currency. Opening it again in the same currency returns the
// existing account; in another currency, an error. A grant account needs a funder id as key.
Result<Account> open_account(store::PgConnection& db, std::string_view caisse_id,
                             const AccountRef& ref, std::string_view currency);

// Declares both currencies and opens every account of the chart that has no key: bank,
// contributions and reconversion_payouts in `euro` ("EUR", 2 decimals), currency_issued,
// member_balances, merchant_balances and merchant_reconversions in `currency` (e.g. "MONA").
// Grant accounts are opened one per funder with open_account. Safe to call again.
Result<std::vector<Account>> open_chart(store::PgConnection& db, std::string_view caisse_id,
                                        std::string_view euro, int euro_minor_unit,
                                        std::string_view currency, int currency_minor_unit);

// The caisse's accounts, by id.
Result<std::vector<Account>> list_accounts(store::PgConnection& db, std::string_view caisse_id);

// One account, or an error saying it was never opened in this caisse.
Result<Account> find_account(store::PgConnection& db, std::string_view caisse_id,
                             const AccountRef& ref);

}  // namespace caisse::host::ledger
