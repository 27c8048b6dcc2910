#include "merchants/gate_history.hpp"

namespace caisse::host::merchants {

Result<std::vector<GateEvent>> gate_history_of(store::PgConnection& db, std::string_view caisse_id,
                                               std::string_view merchant_id) {
  auto rows = db.exec_params(
      "SELECT accredited, standing, onboarded, decision_id, cause,"
      "       to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
      "  FROM merchant_gate_history WHERE caisse_id = $1 AND merchant_id = $2 ORDER BY id",
      {std::string(caisse_id), std::string(merchant_id)});
  if (!rows) return rows.error();
  std::vector<GateEvent> out;
  for (int r = 0; r < rows->rows(); ++r) {
    GateEvent event;
    event.accredited = rows->get(r, 0) == "t";
    event.standing = std::string(rows->get(r, 1));
    event.onboarded = rows->get(r, 2) == "t";
    if (!rows->is_null(r, 3)) event.decision_id = std::stoll(std::string(rows->get(r, 3)));
    event.cause = std::string(rows->get(r, 4));
    event.changed_at = std::string(rows->get(r, 5));
    out.push_back(std::move(event));
  }
  return out;
}

}  // namespace caisse::host::merchants
