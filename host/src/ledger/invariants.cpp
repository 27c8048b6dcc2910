#include "ledger/invariants.hpp"

#include <boost/json/array.hpp>
#include <map>
#include <set>

#include "ledger/chart.hpp"
#include "ledger/sql_values.hpp"
#include "money/money.hpp"
#include "store/transaction.hpp"

namespace caisse::host::ledger {
namespace {

constexpr int kMaxDetails = 20;

constexpr const char* kEntriesFormula =
    "for each entry e and currency c: sum(amount of e's lines in c) = 0, and e has >= 2 lines";
constexpr const char* kEurosFormula =
    "bank = -contributions - grant - reconversion_payouts"
    " (euros on the bank = contributions + co-funding - reconversions paid)";
constexpr const char* kCurrencyFormula =
    "-currency_issued = member_balances + merchant_balances + merchant_reconversions"
    " (currency issued = member + merchant balances + reconverted)";
constexpr const char* kRunningFormula =
    "for each account a: running balance(a) = sum(amount of a's lines)";

struct Units {
  std::map<std::string, int> minor_units;

  std::string text(std::int64_t minor, const std::string& currency) const {
    auto unit = minor_units.find(currency);
    if (unit == minor_units.end()) return std::to_string(minor) + " " + currency + " (minor)";
    return money::format_decimal(minor, unit->second) + " " + currency;
  }
};

// Sum of the lines of one account, by (kind, key, currency).
struct AccountSum {
  AccountKind kind;
  std::string key;
  std::string currency;
  std::string sum;  // numeric text: may exceed int64 in a broken book
};

void add_capped(InvariantResult& result, std::string detail, int& shown) {
  if (shown++ < kMaxDetails) result.details.push_back(std::move(detail));
}

Result<InvariantResult> check_entries(store::PgConnection& db, const std::string& caisse,
                                      const Units& units) {
  InvariantResult result{
      "entries_balance", "", kEntriesFormula, "0 unbalanced", "", {}, {}, false, {}};
  auto counted =
      db.exec_params("SELECT count(*) FROM ledger_entries WHERE caisse_id = $1", {caisse});
  if (!counted) return counted.error();
  auto unbalanced = db.exec_params(
      "SELECT l.entry_id, e.idempotency_key, l.currency, sum(l.amount_minor)"
      "  FROM ledger_lines l"
      "  JOIN ledger_entries e ON e.id = l.entry_id AND e.caisse_id = l.caisse_id"
      " WHERE l.caisse_id = $1"
      " GROUP BY l.entry_id, e.idempotency_key, l.currency"
      " HAVING sum(l.amount_minor) <> 0"
      " ORDER BY l.entry_id, l.currency",
      {caisse});
  if (!unbalanced) return unbalanced.error();
  auto short_entries = db.exec_params(
      "SELECT e.id, e.idempotency_key, count(l.line_no)"
      "  FROM ledger_entries e"
      "  LEFT JOIN ledger_lines l ON l.entry_id = e.id AND l.caisse_id = e.caisse_id"
      " WHERE e.caisse_id = $1"
      " GROUP BY e.id, e.idempotency_key"
      " HAVING count(l.line_no) < 2"
      " ORDER BY e.id",
      {caisse});
  if (!short_entries) return short_entries.error();

  std::set<std::string> faulty;
  int shown = 0;
  for (int row = 0; row < unbalanced->rows(); ++row) {
    faulty.insert(std::string(unbalanced->get(row, 0)));
    const std::string currency(unbalanced->get(row, 2));
    const std::string sum(unbalanced->get(row, 3));
    auto minor = detail::parse_int64(sum, "");
    add_capped(result,
               "entry " + std::string(unbalanced->get(row, 0)) + " (key \"" +
                   std::string(unbalanced->get(row, 1)) + "\"): " + currency + " lines sum to " +
                   (minor ? units.text(*minor, currency) : sum + " " + currency + " (minor)"),
               shown);
  }
  for (int row = 0; row < short_entries->rows(); ++row) {
    faulty.insert(std::string(short_entries->get(row, 0)));
    add_capped(result,
               "entry " + std::string(short_entries->get(row, 0)) + " (key \"" +
                   std::string(short_entries->get(row, 1)) +
                   "\"): " + std::string(short_entries->get(row, 2)) + " line(s)",
               shown);
  }
  if (shown > kMaxDetails) {
    result.details.push_back("… and " + std::to_string(shown - kMaxDetails) + " more");
  }
  result.actual = std::to_string(faulty.size()) + " unbalanced of " +
                  std::string(counted->get(0, 0)) + " entries";
  result.ok = faulty.empty();
  return result;
}

// expected and actual from signed terms; an overflow is reported as a failure, not a number.
struct Terms {
  std::vector<std::pair<std::string, std::string>> expected;  // (label, sum text), added
  std::vector<std::pair<std::string, std::string>> actual;
};

void settle(InvariantResult& result, const Terms& terms, const Units& units,
            const std::string& currency) {
  auto total = [&](const char* side, const std::vector<std::pair<std::string, std::string>>& parts,
                   std::optional<std::int64_t>& out, std::string& text) {
    money::Money sum{0, currency};
    for (const auto& [label, value] : parts) {
      auto minor = detail::parse_int64(value, label);
      if (!minor) {
        result.details.push_back(minor.error().message);
        text = "beyond the 64-bit range";
        return;
      }
      result.details.push_back(std::string(side) + " term " + label + " = " +
                               units.text(*minor, currency));
      auto added = money::add(sum, money::Money{*minor, currency});
      if (!added) {
        result.details.push_back("the sum exceeds the 64-bit range");
        text = "beyond the 64-bit range";
        return;
      }
      sum = *added;
    }
    out = sum.minor;
    text = units.text(sum.minor, currency);
  };
  total("expected", terms.expected, result.expected_minor, result.expected);
  total("actual", terms.actual, result.actual_minor, result.actual);
  result.ok = result.expected_minor && result.actual_minor &&
              *result.expected_minor == *result.actual_minor;
}

// "-1250" -> "1250": the terms of the formulas that enter with a minus sign. Works on numeric
// text, before any conversion to int64.
std::string negated(const std::string& sum) {
  if (sum == "0") return sum;
  if (!sum.empty() && sum[0] == '-') return sum.substr(1);
  return "-" + sum;
}

// One result per currency used on `side` (a currency used on both sides, a caisse crediting
// euros directly, is checked on both with the accounts of each side).
std::vector<InvariantResult> check_side(const std::vector<AccountSum>& sums, Side side,
                                        const Units& units) {
  std::set<std::string> currencies;
  for (const AccountSum& account : sums) {
    if (side_of(account.kind) == side) currencies.insert(account.currency);
  }
  std::vector<InvariantResult> results;
  for (const std::string& currency : currencies) {
    Terms terms;
    for (const AccountSum& account : sums) {
      if (account.currency != currency || side_of(account.kind) != side) continue;
      std::string label(to_string(AccountRef{account.kind, account.key}));
      // Accounts with a credit-normal balance, and the payouts that reduce what the bank
      // should hold, enter the expected side with a minus sign.
      switch (account.kind) {
        case AccountKind::contributions:
        case AccountKind::grant:
        case AccountKind::reconversion_payouts:
        case AccountKind::currency_issued:
          terms.expected.emplace_back("-" + label, negated(account.sum));
          break;
        default:  // bank, member_balances, merchant_balances, merchant_reconversions
          terms.actual.emplace_back(label, account.sum);
      }
    }
    InvariantResult result{side == Side::euro ? "euros_received" : "currency_issued",
                           currency,
                           side == Side::euro ? kEurosFormula : kCurrencyFormula,
                           "",
                           "",
                           {},
                           {},
                           false,
                           {}};
    settle(result, terms, units, currency);
    results.push_back(std::move(result));
  }
  return results;
}

Result<InvariantResult> check_running(store::PgConnection& db, const std::string& caisse,
                                      const Units& units) {
  InvariantResult result{"running_balances", "", kRunningFormula, "0 off", "", {}, {}, false, {}};
  auto off = db.exec_params(
      "SELECT a.kind, a.key, a.currency, b.balance_minor, s.total,"
      "       b.balance_minor IS DISTINCT FROM s.total"
      "  FROM ledger_accounts a"
      "  LEFT JOIN ledger_account_balances b ON b.account_id = a.id"
      "  CROSS JOIN LATERAL (SELECT coalesce(sum(l.amount_minor), 0) AS total"
      "                        FROM ledger_lines l"
      "                       WHERE l.account_id = a.id AND l.caisse_id = a.caisse_id) s"
      " WHERE a.caisse_id = $1"
      " ORDER BY a.id",
      {caisse});
  if (!off) return off.error();
  int shown = 0;
  for (int row = 0; row < off->rows(); ++row) {
    std::string running = off->is_null(row, 3) ? "missing" : std::string(off->get(row, 3));
    std::string lines(off->get(row, 4));
    if (off->get(row, 5) != "t") continue;
    auto kind = parse_account_kind(off->get(row, 0));
    if (!kind) return kind.error();
    std::string currency(off->get(row, 2));
    auto as_text = [&](const std::string& value) {
      auto minor = detail::parse_int64(value, "");
      return minor ? units.text(*minor, currency) : value + " " + currency + " (minor)";
    };
    add_capped(result,
               to_string(AccountRef{*kind, std::string(off->get(row, 1))}) + ": running " +
                   (running == "missing" ? running : as_text(running)) + ", lines " +
                   as_text(lines),
               shown);
  }
  if (shown > kMaxDetails) {
    result.details.push_back("… and " + std::to_string(shown - kMaxDetails) + " more");
  }
  result.actual = std::to_string(shown) + " off of " + std::to_string(off->rows()) + " accounts";
  result.ok = shown == 0;
  return result;
}

Result<InvariantReport> check_book(store::PgConnection& db, const std::string& caisse) {
  InvariantReport report{caisse, {}};

  Units units;
  auto declared = db.exec_params(
      "SELECT code, minor_unit FROM ledger_currencies WHERE caisse_id = $1", {caisse});
  if (!declared) return declared.error();
  for (int row = 0; row < declared->rows(); ++row) {
    units.minor_units[std::string(declared->get(row, 0))] =
        std::stoi(std::string(declared->get(row, 1)));
  }

  auto entries = check_entries(db, caisse, units);
  if (!entries) return entries.error();
  report.invariants.push_back(std::move(entries.value()));

  // Every account counts, with or without lines, so a currency with no postings still shows.
  auto sums = db.exec_params(
      "SELECT a.kind, a.key, a.currency,"
      "       coalesce((SELECT sum(l.amount_minor) FROM ledger_lines l"
      "                  WHERE l.account_id = a.id AND l.caisse_id = a.caisse_id), 0)"
      "  FROM ledger_accounts a WHERE a.caisse_id = $1 ORDER BY a.id",
      {caisse});
  if (!sums) return sums.error();
  std::vector<AccountSum> accounts;
  for (int row = 0; row < sums->rows(); ++row) {
    auto kind = parse_account_kind(sums->get(row, 0));
    if (!kind) return kind.error();
    accounts.push_back(AccountSum{*kind, std::string(sums->get(row, 1)),
                                  std::string(sums->get(row, 2)), std::string(sums->get(row, 3))});
  }
  for (Side side : {Side::euro, Side::currency}) {
    for (auto& result : check_side(accounts, side, units)) {
      report.invariants.push_back(std::move(result));
    }
  }

  auto running = check_running(db, caisse, units);
  if (!running) return running.error();
  report.invariants.push_back(std::move(running.value()));
  return report;
}

}  // namespace

Result<InvariantReport> check_invariants(store::PgConnection& db, std::string_view caisse_id) {
  // The sums must come from one snapshot, or a posting committed between two queries would
  // look like a broken book. Outside a transaction, open a read-only repeatable-read one
  // (rolled back at the end). Inside the caller's, its snapshot rules. PostgreSQL gives the
  // first statement of a transaction statement_timestamp() = transaction_timestamp(), so the
  // comparison is true exactly when no transaction block is open.
  auto outside = db.exec("SELECT statement_timestamp() = transaction_timestamp()");
  if (!outside) return outside.error();
  if (outside->get(0, 0) != "t") return check_book(db, std::string(caisse_id));
  auto snapshot = store::Transaction::begin(db);
  if (!snapshot) return snapshot.error();
  if (auto set = db.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"); !set) {
    return set.error();
  }
  return check_book(db, std::string(caisse_id));
}

std::string render_text(const InvariantReport& report) {
  std::string out = "ledger check: caisse " + report.caisse_id + "\n";
  int failed = 0;
  for (const InvariantResult& invariant : report.invariants) {
    if (!invariant.ok) ++failed;
    out += invariant.ok ? "[OK]     " : "[FAILED] ";
    out += invariant.name;
    if (!invariant.currency.empty()) out += " (" + invariant.currency + ")";
    out += "\n         formula:  " + invariant.formula;
    out += "\n         expected: " + invariant.expected;
    out += "\n         actual:   " + invariant.actual + "\n";
    for (const std::string& detail : invariant.details) out += "           - " + detail + "\n";
  }
  if (failed == 0) {
    out += "result: OK\n";
  } else {
    out += "result: FAILED (" + std::to_string(failed) + " of " +
           std::to_string(report.invariants.size()) + " invariants failed)\n";
  }
  return out;
}

boost::json::object to_json(const InvariantReport& report) {
  boost::json::array invariants;
  for (const InvariantResult& invariant : report.invariants) {
    boost::json::array details;
    for (const std::string& detail : invariant.details) details.emplace_back(detail);
    boost::json::object item{
        {"name", invariant.name},       {"currency", invariant.currency},
        {"formula", invariant.formula}, {"expected", invariant.expected},
        {"actual", invariant.actual},   {"status", invariant.ok ? "OK" : "FAILED"},
        {"details", std::move(details)}};
    if (invariant.expected_minor) item["expected_minor"] = *invariant.expected_minor;
    if (invariant.actual_minor) item["actual_minor"] = *invariant.actual_minor;
    invariants.emplace_back(std::move(item));
  }
  return boost::json::object{
      {"caisse", report.caisse_id}, {"ok", report.ok()}, {"invariants", std::move(invariants)}};
}

}  // namespace caisse::host::ledger
