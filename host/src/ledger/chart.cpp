#include "ledger/chart.hpp"

#include <array>
#include <utility>

#include "ledger/sql_values.hpp"

namespace caisse::host::ledger {
namespace {

constexpr std::array<std::pair<AccountKind, std::string_view>, 8> kKindNames{{
    {AccountKind::bank, "bank"},
    {AccountKind::contributions, "contributions"},
    {AccountKind::grant, "grant"},
    {AccountKind::reconversion_payouts, "reconversion_payouts"},
    {AccountKind::currency_issued, "currency_issued"},
    {AccountKind::member_balances, "member_balances"},
    {AccountKind::merchant_balances, "merchant_balances"},
    {AccountKind::merchant_reconversions, "merchant_reconversions"},
}};

constexpr const char* kAccountColumns = "id, caisse_id, kind, key, currency";

Result<Account> account_from_row(const store::PgResult& rows, int row) {
  auto id = detail::parse_int64(rows.get(row, 0), "ledger_accounts.id");
  if (!id) return id.error();
  auto kind = parse_account_kind(rows.get(row, 2));
  if (!kind) return kind.error();
  return Account{*id,
                 std::string(rows.get(row, 1)),
                 {*kind, std::string(rows.get(row, 3))},
                 std::string(rows.get(row, 4))};
}

}  // namespace

Side side_of(AccountKind kind) {
  switch (kind) {
    case AccountKind::bank:
    case AccountKind::contributions:
    case AccountKind::grant:
    case AccountKind::reconversion_payouts:
      return Side::euro;
    default:
      return Side::currency;
  }
}

std::string_view to_string(AccountKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

Result<AccountKind> parse_account_kind(std::string_view text) {
  for (const auto& [kind, name] : kKindNames) {
    if (name == text) return kind;
  }
  return make_error("\"" + std::string(text) + "\" is not an account kind of the ledger");
}

std::string to_string(const AccountRef& account) {
  std::string text(to_string(account.kind));
  if (!account.key.empty()) text += ":" + account.key;
  return text;
}

Result<void> declare_currency(store::PgConnection& db, std::string_view caisse_id,
                              std::string_view code, int minor_unit) {
  if (minor_unit < 0 || minor_unit > 4) {
    return make_error("currency " + std::string(code) + ": minor unit " +
                      std::to_string(minor_unit) + " is not between 0 and 4");
  }
  auto inserted = db.exec_params(
      "INSERT INTO ledger_currencies (caisse_id, code, minor_unit) VALUES ($1, $2, $3)"
      " ON CONFLICT (caisse_id, code) DO NOTHING",
      {std::string(caisse_id), std::string(code), std::to_string(minor_unit)});
  if (!inserted) return inserted.error();
  auto declared = minor_unit_of(db, caisse_id, code);
  if (!declared) return declared.error();
  if (*declared != minor_unit) {
    return make_error("caisse " + std::string(caisse_id) + " keeps " + std::string(code) +
                      " with " + std::to_string(*declared) + " decimals, not " +
                      std::to_string(minor_unit));
  }
  return {};
}

Result<int> minor_unit_of(store::PgConnection& db, std::string_view caisse_id,
                          std::string_view code) {
  auto found =
      db.exec_params("SELECT minor_unit FROM ledger_currencies WHERE caisse_id = $1 AND code = $2",
                     {std::string(caisse_id), std::string(code)});
  if (!found) return found.error();
  if (found->rows() == 0) {
    return make_error("currency " + std::string(code) + " is not declared in caisse " +
                      std::string(caisse_id));
  }
  return std::stoi(std::string(found->get(0, 0)));
}

Result<Account> open_account(store::PgConnection& db, std::string_view caisse_id,
                             const AccountRef& ref, std::string_view currency) {
  if (ref.kind == AccountKind::grant && ref.key.empty()) {
    return make_error("a grant account needs the funder id as key");
  }
  if (auto declared = minor_unit_of(db, caisse_id, currency); !declared) return declared.error();
  auto inserted = db.exec_params(
      "INSERT INTO ledger_accounts (caisse_id, kind, key, currency) VALUES ($1, $2, $3, $4)"
      " ON CONFLICT (caisse_id, kind, key) DO NOTHING",
      {std::string(caisse_id), std::string(to_string(ref.kind)), ref.key, std::string(currency)});
  if (!inserted) return inserted.error();
  auto account = find_account(db, caisse_id, ref);
  if (!account) return account.error();
  if (account->currency != currency) {
    return make_error("account " + to_string(ref) + " of caisse " + std::string(caisse_id) +
                      " is kept in " + account->currency + ", not " + std::string(currency));
  }
  return account;
}

Result<std::vector<Account>> open_chart(store::PgConnection& db, std::string_view caisse_id,
                                        std::string_view euro, int euro_minor_unit,
                                        std::string_view currency, int currency_minor_unit) {
  if (auto declared = declare_currency(db, caisse_id, euro, euro_minor_unit); !declared) {
    return declared.error();
  }
  if (auto declared = declare_currency(db, caisse_id, currency, currency_minor_unit); !declared) {
    return declared.error();
  }
  std::vector<Account> accounts;
  for (const auto& [kind, name] : kKindNames) {
    if (kind == AccountKind::grant) continue;
    auto opened = open_account(db, caisse_id, AccountRef{kind, ""},
                               side_of(kind) == Side::euro ? euro : currency);
    if (!opened) return opened.error();
    accounts.push_back(std::move(opened.value()));
  }
  return accounts;
}

Result<std::vector<Account>> list_accounts(store::PgConnection& db, std::string_view caisse_id) {
  auto rows = db.exec_params(std::string("SELECT ") + kAccountColumns +
                                 " FROM ledger_accounts WHERE caisse_id = $1 ORDER BY id",
                             {std::string(caisse_id)});
  if (!rows) return rows.error();
  std::vector<Account> accounts;
  for (int row = 0; row < rows->rows(); ++row) {
    auto account = account_from_row(*rows, row);
    if (!account) return account.error();
    accounts.push_back(std::move(account.value()));
  }
  return accounts;
}

Result<Account> find_account(store::PgConnection& db, std::string_view caisse_id,
                             const AccountRef& ref) {
  auto rows =
      db.exec_params(std::string("SELECT ") + kAccountColumns +
                         " FROM ledger_accounts WHERE caisse_id = $1 AND kind = $2 AND key = $3",
                     {std::string(caisse_id), std::string(to_string(ref.kind)), ref.key});
  if (!rows) return rows.error();
  if (rows->rows() == 0) {
    return make_error("account " + to_string(ref) + " is not open in caisse " +
                      std::string(caisse_id));
  }
  return account_from_row(*rows, 0);
}

}  // namespace caisse::host::ledger
