#include "merchants/overdue_evaluations.hpp"

namespace caisse::host::merchants {
namespace {

constexpr const char* kOverdue = R"sql(
SELECT s.merchant_id, m.name, s.standing, d.id, d.next_evaluation_on::text,
       coalesce((SELECT max(e.evaluated_on)::text FROM merchant_evaluations e
                  WHERE e.caisse_id = $1 AND e.merchant_id = m.id), '')
  FROM merchant_standings($1, $2::date) s
  JOIN merchant_decisions d ON d.id = s.decision_id
  JOIN registry_merchants m ON m.caisse_id = $1 AND m.id = s.merchant_id COLLATE "C"
 WHERE d.next_evaluation_on < $2::date
 ORDER BY d.next_evaluation_on, s.merchant_id
)sql";

}  // namespace

Result<std::vector<OverdueEvaluation>> overdue_evaluations(store::PgConnection& db,
                                                           std::string_view caisse_id,
                                                           const std::string& today) {
  auto rows = db.exec_params(kOverdue, {std::string(caisse_id), today});
  if (!rows) return rows.error();
  std::vector<OverdueEvaluation> out;
  for (int r = 0; r < rows->rows(); ++r) {
    OverdueEvaluation overdue;
    overdue.merchant_id = std::string(rows->get(r, 0));
    overdue.name = std::string(rows->get(r, 1));
    overdue.standing = std::string(rows->get(r, 2));
    overdue.decision_id = std::stoll(std::string(rows->get(r, 3)));
    overdue.next_evaluation_on = std::string(rows->get(r, 4));
    overdue.last_evaluated_on = std::string(rows->get(r, 5));
    out.push_back(std::move(overdue));
  }
  return out;
}

}  // namespace caisse::host::merchants
