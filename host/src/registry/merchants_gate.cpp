#include "registry/merchants_gate.hpp"

#include <algorithm>

namespace caisse::host::registry {
namespace {

// A change is a difference from the merchant's last history row (or no row yet); the gate
// column is written only where it differs. Both sub-statements see the rows as they were.
constexpr const char* kRefresh = R"sql(
WITH s AS (SELECT * FROM merchant_standings($1, coalesce($2::date, current_date))),
last AS (SELECT DISTINCT ON (h.merchant_id) h.merchant_id, h.accredited, h.standing, h.onboarded
           FROM merchant_gate_history h WHERE h.caisse_id = $1
          ORDER BY h.merchant_id, h.id DESC),
changed AS (SELECT s.* FROM s LEFT JOIN last l ON l.merchant_id = s.merchant_id COLLATE "C"
             WHERE l.merchant_id IS NULL
                OR (l.accredited, l.standing, l.onboarded)
                   IS DISTINCT FROM (s.gate, s.standing, s.onboarded)),
flipped AS (UPDATE registry_merchants m
               SET accredited = s.gate, accreditation_changed_at = now(), updated_at = now()
              FROM s
             WHERE m.caisse_id = $1 AND m.id = s.merchant_id COLLATE "C"
               AND m.accredited <> s.gate
            RETURNING m.id)
INSERT INTO merchant_gate_history (caisse_id, merchant_id, accredited, standing, onboarded,
                                   decision_id, cause)
SELECT $1, c.merchant_id, c.gate, c.standing, c.onboarded, c.decision_id, $3 FROM changed c
RETURNING merchant_id, accredited, merchant_id IN (SELECT id FROM flipped), standing, onboarded
)sql";

}  // namespace

Result<std::vector<GateChange>> refresh_merchant_gates(store::PgConnection& db,
                                                       std::string_view caisse_id,
                                                       const std::optional<std::string>& day,
                                                       std::string_view cause) {
  auto rows = db.exec_params(kRefresh, {std::string(caisse_id), day, std::string(cause)});
  if (!rows) return rows.error();
  std::vector<GateChange> changes;
  for (int r = 0; r < rows->rows(); ++r) {
    GateChange change;
    change.merchant_id = std::string(rows->get(r, 0));
    change.accredited = rows->get(r, 1) == "t";
    change.gate_flipped = rows->get(r, 2) == "t";
    change.standing = std::string(rows->get(r, 3));
    change.onboarded = rows->get(r, 4) == "t";
    changes.push_back(std::move(change));
  }
  std::sort(changes.begin(), changes.end(),
            [](const GateChange& a, const GateChange& b) { return a.merchant_id < b.merchant_id; });
  return changes;
}

bool any_gate_flipped(const std::vector<GateChange>& changes) {
  return std::any_of(changes.begin(), changes.end(),
                     [](const GateChange& change) { return change.gate_flipped; });
}

}  // namespace caisse::host::registry
