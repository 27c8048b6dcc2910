#include "ledger/balances.hpp"

#include "ledger/sql_values.hpp"

namespace caisse::host::ledger {
namespace {

std::optional<std::string> optional_text(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return format_date(*date);
}

std::optional<std::string> optional_text(const std::optional<std::int64_t>& id) {
  if (!id) return std::nullopt;
  return std::to_string(*id);
}

// Rows of (id, kind, key, currency, balance) -> balances. A balance beyond int64 is an error.
Result<std::vector<AccountBalance>> read_balances(const store::PgResult& rows,
                                                  std::string_view caisse_id) {
  std::vector<AccountBalance> out;
  for (int row = 0; row < rows.rows(); ++row) {
    auto id = detail::parse_int64(rows.get(row, 0), "ledger_accounts.id");
    if (!id) return id.error();
    auto kind = parse_account_kind(rows.get(row, 1));
    if (!kind) return kind.error();
    Account account{*id,
                    std::string(caisse_id),
                    {*kind, std::string(rows.get(row, 2))},
                    std::string(rows.get(row, 3))};
    auto minor = detail::parse_int64(rows.get(row, 4), "the balance of " + to_string(account.ref));
    if (!minor) return minor.error();
    out.push_back(AccountBalance{account, money::Money{*minor, account.currency}});
  }
  return out;
}

Result<std::vector<AccountBalance>> query_balances(store::PgConnection& db,
                                                   std::string_view caisse_id,
                                                   const std::optional<AccountRef>& only,
                                                   const AsOf& as_of) {
  std::vector<std::optional<std::string>> params = {std::string(caisse_id)};
  std::string sql;
  if (!as_of.date && !as_of.entry_id) {
    sql =
        "SELECT a.id, a.kind, a.key, a.currency, b.balance_minor"
        "  FROM ledger_accounts a JOIN ledger_account_balances b ON b.account_id = a.id"
        " WHERE a.caisse_id = $1";
  } else {
    params.push_back(optional_text(as_of.date));
    params.push_back(optional_text(as_of.entry_id));
    sql =
        "SELECT a.id, a.kind, a.key, a.currency,"
        "       coalesce((SELECT sum(l.amount_minor)"
        "                   FROM ledger_lines l"
        "                   JOIN ledger_entries e"
        "                     ON e.id = l.entry_id AND e.caisse_id = l.caisse_id"
        "                  WHERE l.account_id = a.id AND l.caisse_id = a.caisse_id"
        "                    AND ($2::date IS NULL OR e.entry_date <= $2::date)"
        "                    AND ($3::bigint IS NULL OR e.id <= $3::bigint)), 0)"
        "  FROM ledger_accounts a"
        " WHERE a.caisse_id = $1";
  }
  if (only) {
    params.push_back(std::string(to_string(only->kind)));
    params.push_back(only->key);
    const std::size_t n = params.size();
    sql += " AND a.kind = $" + std::to_string(n - 1) + " AND a.key = $" + std::to_string(n);
  }
  sql += " ORDER BY a.id";
  auto rows = db.exec_params(sql, params);
  if (!rows) return rows.error();
  return read_balances(*rows, caisse_id);
}

}  // namespace

Result<money::Money> balance(store::PgConnection& db, std::string_view caisse_id,
                             const AccountRef& account, const AsOf& as_of) {
  auto found = query_balances(db, caisse_id, account, as_of);
  if (!found) return found.error();
  if (found->empty()) {
    return make_error("account " + to_string(account) + " is not open in caisse " +
                      std::string(caisse_id));
  }
  return found->front().balance;
}

Result<std::vector<AccountBalance>> balances(store::PgConnection& db, std::string_view caisse_id,
                                             const AsOf& as_of) {
  return query_balances(db, caisse_id, std::nullopt, as_of);
}

Result<MoneyIn> money_in(store::PgConnection& db, std::string_view caisse_id, const Period& period,
                         std::string_view currency) {
  auto rows = db.exec_params(
      "SELECT a.kind, a.key, -sum(l.amount_minor)"
      "  FROM ledger_lines l"
      "  JOIN ledger_entries e ON e.id = l.entry_id AND e.caisse_id = l.caisse_id"
      "  JOIN ledger_accounts a ON a.id = l.account_id AND a.caisse_id = l.caisse_id"
      " WHERE l.caisse_id = $1 AND a.currency = $2 AND a.kind IN ('contributions', 'grant')"
      "   AND e.entry_date BETWEEN $3::date AND $4::date"
      " GROUP BY a.kind, a.key ORDER BY a.kind, a.key",
      {std::string(caisse_id), std::string(currency), format_date(period.first),
       format_date(period.last)});
  if (!rows) return rows.error();
  const std::string code(currency);
  MoneyIn in{{0, code}, {}, {0, code}};
  for (int row = 0; row < rows->rows(); ++row) {
    const std::string kind(rows->get(row, 0));
    const std::string key(rows->get(row, 1));
    auto minor = detail::parse_int64(rows->get(row, 2), "money in from " + kind + " " + key);
    if (!minor) return minor.error();
    money::Money amount{*minor, code};
    if (kind == "contributions") {
      auto sum = money::add(in.contributions, amount);
      if (!sum) return sum.error();
      in.contributions = *sum;
    } else {
      in.grants.push_back(FunderAmount{key, amount});
    }
    auto total = money::add(in.total, amount);
    if (!total) return total.error();
    in.total = *total;
  }
  return in;
}

}  // namespace caisse::host::ledger
