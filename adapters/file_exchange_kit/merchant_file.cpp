#include "merchant_file.hpp"

#include <algorithm>

namespace caisse::adapters::file_exchange_kit {

MerchantRows merchant_rows(const MerchantFileMapping& mapping,
                           std::span<const sdk::Merchant> merchants) {
  std::vector<const sdk::Merchant*> sorted;
  for (const auto& m : merchants) sorted.push_back(&m);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->merchant_id < b->merchant_id; });
  MerchantRows out;
  for (const auto& column : mapping.columns) out.table.header.push_back(column.header);
  for (const sdk::Merchant* m : sorted) {
    if (!m->accredited && !mapping.include_all) continue;
    if (m->backend_ref.empty()) {
      if (m->accredited) out.left_out.emplace_back(m->merchant_id);
      continue;
    }
    std::vector<std::string> row;
    for (const auto& column : mapping.columns) {
      if (column.is_constant) {
        row.push_back(column.constant);
      } else if (column.field == "merchant_id") {
        row.emplace_back(m->merchant_id);
      } else if (column.field == "name") {
        row.emplace_back(m->name);
      } else if (column.field == "backend_ref") {
        row.emplace_back(m->backend_ref);
      } else {
        row.push_back(m->accredited ? mapping.accredited_value : mapping.withdrawn_value);
      }
    }
    out.table.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace caisse::adapters::file_exchange_kit
