#include "research/indicator_figures.hpp"

#include "research/months.hpp"

namespace caisse::host::research {
namespace {

// Receipts are dated days (received_on), bounded by the months' first days.
constexpr const char* kContributions = R"sql(
SELECT to_char(received_on, 'YYYY-MM'), count(DISTINCT household_id), sum(amount_minor)::bigint
  FROM registry_receipts
 WHERE caisse_id = $1 AND source = 'contribution'
   AND received_on >= $2::date AND received_on < $3::date
 GROUP BY 1
)sql";

// Credited: the currency backend confirmed the line (SUCCEEDED). Bonus cycles are not
// allocations. A line of zero credits nothing and counts nobody.
constexpr const char* kAllocations = R"sql(
SELECT l.month, count(*), sum(l.amount_minor)::bigint
  FROM cycle_lines l
  JOIN cycles c ON c.caisse_id = l.caisse_id AND c.kind = l.kind AND c.month = l.month
 WHERE l.caisse_id = $1 AND l.kind = 'allocation' AND c.currency = $4
   AND l.status = 'SUCCEEDED' AND l.amount_minor > 0
   AND l.month >= $2 AND l.month <= $3
 GROUP BY 1
)sql";

// The month's total and each kind's share in one pass; GROUPING(kind) = 1 marks the totals,
// whose household count is the distinct households of the month, not a sum over kinds.
constexpr const char* kSpending = R"sql(
SELECT month, currency, kind, GROUPING(kind), count(DISTINCT household_id),
       sum(amount_minor)::bigint
  FROM (SELECT to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, p.currency,
               coalesce(m.kind, 'unknown') AS kind, p.household_id, p.amount_minor
          FROM purchases p
          LEFT JOIN registry_merchants m ON m.caisse_id = p.caisse_id AND m.id = p.merchant_id
         WHERE p.caisse_id = $1 AND p.household_id IS NOT NULL
           AND p.paid_at >= timestamptz 'epoch' + $2::bigint * interval '1 millisecond'
           AND p.paid_at < timestamptz 'epoch' + $3::bigint * interval '1 millisecond') p
 GROUP BY GROUPING SETS ((month, currency, kind), (month, currency))
)sql";

std::int64_t number(const store::PgResult& rows, int row, int column) {
  return std::stoll(std::string(rows.get(row, column)));
}

GroupFigures group_at(const store::PgResult& rows, int row, int first) {
  return {number(rows, row, first), number(rows, row, first + 1)};
}

// The figures of the month named in column 0 of `row`; null when it is outside the range.
MonthFigures* month_of(std::vector<MonthFigures>& figures, const store::PgResult& rows, int row) {
  auto month = parse_month(rows.get(row, 0));
  if (!month) return nullptr;
  for (auto& f : figures) {
    if (f.month == *month) return &f;
  }
  return nullptr;
}

std::string first_day(Month month) {
  return month.to_string() + "-01";
}

}  // namespace

Result<std::vector<MonthFigures>> read_indicator_figures(store::PgConnection& db,
                                                         std::string_view caisse_id,
                                                         std::string_view currency,
                                                         const MonthRange& range) {
  std::vector<MonthFigures> figures;
  for (Month m : months_of(range)) figures.push_back({m, {}, {}, {}});
  const std::string caisse(caisse_id);

  auto contributions =
      db.exec_params(kContributions, {caisse, first_day(range.from), first_day(range.to.next())});
  if (!contributions) return contributions.error();
  for (int r = 0; r < contributions->rows(); ++r) {
    if (auto* f = month_of(figures, *contributions, r))
      f->contributions = group_at(*contributions, r, 1);
  }

  auto allocations = db.exec_params(
      kAllocations, {caisse, range.from.to_string(), range.to.to_string(), std::string(currency)});
  if (!allocations) return allocations.error();
  for (int r = 0; r < allocations->rows(); ++r) {
    if (auto* f = month_of(figures, *allocations, r)) f->allocations = group_at(*allocations, r, 1);
  }

  auto bounds = paid_at_bounds(range.from, range.to);
  auto spending = db.exec_params(kSpending, {caisse, bounds[0], bounds[1]});
  if (!spending) return spending.error();
  for (int r = 0; r < spending->rows(); ++r) {
    auto* f = month_of(figures, *spending, r);
    if (f == nullptr) continue;
    SpendingFigures& in_currency = f->spending[std::string(spending->get(r, 1))];
    const GroupFigures group = group_at(*spending, r, 4);
    if (spending->get(r, 3) == "1") {
      in_currency.total = group;
    } else {
      in_currency.by_kind[std::string(spending->get(r, 2))] = group;
    }
  }
  return figures;
}

}  // namespace caisse::host::research
