#include "dashboard/accreditation_pipeline.hpp"

#include <map>

#include "dashboard/sql_numbers.hpp"
#include "merchants/overdue_evaluations.hpp"

namespace caisse::host::dashboard {
namespace {

Result<std::vector<std::pair<std::string, std::int64_t>>> count_by_standing(
    store::PgConnection& db, const std::string& caisse_id, const std::string& day) {
  auto rows = db.exec_params(
      "SELECT standing, count(*) FROM merchant_standings($1, $2::date) GROUP BY standing",
      {caisse_id, day});
  if (!rows) return rows.error();
  std::map<std::string, std::int64_t, std::less<>> counted;
  for (int r = 0; r < rows->rows(); ++r) {
    counted[std::string(rows->get(r, 0))] = int64_at(*rows, r, 1);
  }
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (std::string_view standing : kStandings) {
    auto found = counted.find(standing);
    out.emplace_back(std::string(standing), found == counted.end() ? 0 : found->second);
  }
  return out;
}

}  // namespace

Result<AccreditationPipeline> accreditation_pipeline(store::PgConnection& db,
                                                     std::string_view caisse_id,
                                                     ledger::Date today) {
  const std::string id(caisse_id);
  const std::string day = ledger::format_date(today);
  AccreditationPipeline pipeline;
  auto counts = count_by_standing(db, id, day);
  if (!counts) return counts.error();
  pipeline.by_status = std::move(*counts);

  // The conventionnement report's list, of which the dashboard shows the merchants still
  // accredited: a suspended or refused one is not waiting for a re-evaluation to keep its place.
  auto overdue = merchants::overdue_evaluations(db, id, day);
  if (!overdue) return overdue.error();
  auto kinds = db.exec_params("SELECT id, kind FROM registry_merchants WHERE caisse_id = $1", {id});
  if (!kinds) return kinds.error();
  std::map<std::string, std::string, std::less<>> kind_of;
  for (int r = 0; r < kinds->rows(); ++r) {
    kind_of[std::string(kinds->get(r, 0))] = std::string(kinds->get(r, 1));
  }
  for (auto& o : *overdue) {
    if (o.standing != "accredited") continue;
    auto due = ledger::parse_date(o.next_evaluation_on);
    if (!due) return due.error();
    const auto days = (std::chrono::sys_days{today} - std::chrono::sys_days{*due}).count();
    pipeline.overdue.push_back(
        {o.merchant_id, o.name, kind_of[o.merchant_id], o.next_evaluation_on, days});
  }
  return pipeline;
}

}  // namespace caisse::host::dashboard
