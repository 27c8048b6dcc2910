#include "research/transactions_export.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

#include "csv/csv_writer.hpp"
#include "research/dictionary.hpp"
#include "research/months.hpp"
#include "research/pseudonym.hpp"

namespace caisse::host::research {
namespace {

// Household purchases only: a payer the backend could not tie to a household of the caisse is
// nobody a researcher can follow. A merchant unknown to the registry has no id or kind to give.
constexpr const char* kPurchasesOfMonth = R"sql(
SELECT to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), p.household_id,
       coalesce(p.merchant_id, ''), coalesce(m.kind, 'unknown'), p.amount_minor, p.currency
  FROM purchases p
  LEFT JOIN registry_merchants m ON m.caisse_id = p.caisse_id AND m.id = p.merchant_id
 WHERE p.caisse_id = $1 AND p.household_id IS NOT NULL
   AND p.paid_at >= timestamptz 'epoch' + $2::bigint * interval '1 millisecond'
   AND p.paid_at < timestamptz 'epoch' + $3::bigint * interval '1 millisecond'
)sql";

struct Row {
  std::string day;
  std::string household;  // the pseudonym
  std::string merchant;
  std::string kind;
  std::int64_t amount_minor = 0;
  std::string currency;

  auto key() const { return std::tie(day, household, merchant, amount_minor, currency, kind); }
};

}  // namespace

Result<std::string> transactions_csv(store::PgConnection& db, std::string_view caisse_id,
                                     const TransactionsRequest& request, std::string_view secret) {
  csv::Writer out(export_columns(ExportFile::transactions));
  for (Month month : months_of(request.period)) {
    auto bounds = paid_at_bounds(month, month);
    auto read = db.exec_params(kPurchasesOfMonth, {std::string(caisse_id), bounds[0], bounds[1]});
    if (!read) return read.error();
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(read->rows()));
    for (int r = 0; r < read->rows(); ++r) {
      rows.push_back({std::string(read->get(r, 0)),
                      pseudonym(secret, request.export_key, read->get(r, 1)),
                      std::string(read->get(r, 2)), std::string(read->get(r, 3)),
                      std::stoll(std::string(read->get(r, 4))), std::string(read->get(r, 5))});
    }
    std::sort(rows.begin(), rows.end(),
              [](const Row& a, const Row& b) { return a.key() < b.key(); });
    for (const Row& row : rows) {
      out.row({row.household, row.merchant, row.kind, row.day, std::to_string(row.amount_minor),
               row.currency});
    }
  }
  return out.take();
}

}  // namespace caisse::host::research
