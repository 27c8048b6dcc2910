#include "registry/funders.hpp"

namespace caisse::host::registry {

Result<std::set<std::string>> operations_only_funders(store::PgConnection& db,
                                                      std::string_view caisse_id) {
  auto rows = db.exec_params(
      "SELECT id FROM registry_funders WHERE caisse_id = $1 AND earmark = 'operations'",
      {std::string(caisse_id)});
  if (!rows) return rows.error();
  std::set<std::string> ids;
  for (int r = 0; r < rows->rows(); ++r) ids.insert(std::string(rows->get(r, 0)));
  return ids;
}

}  // namespace caisse::host::registry
