#include "registry/merchants.hpp"

#include "csv/csv_writer.hpp"
#include "registry/formats.hpp"

namespace caisse::host::registry {

std::string merchant_ref_column(std::string_view instance) {
  return std::string(format::kMerchantRefPrefix) + std::string(instance);
}

Result<std::vector<MerchantEntry>> list_merchants(store::PgConnection& db,
                                                  std::string_view caisse_id) {
  auto merchants = db.exec_params(
      "SELECT id, name, accredited, bonus FROM registry_merchants WHERE caisse_id = $1"
      " ORDER BY id",
      {std::string(caisse_id)});
  if (!merchants) return merchants.error();
  auto refs = db.exec_params(
      "SELECT merchant_id, instance, backend_ref FROM registry_merchant_refs"
      " WHERE caisse_id = $1 ORDER BY merchant_id, instance",
      {std::string(caisse_id)});
  if (!refs) return refs.error();

  std::vector<MerchantEntry> out;
  out.reserve(static_cast<std::size_t>(merchants->rows()));
  // Both are ordered by merchant id (COLLATE "C"), so one pass pairs them.
  int r = 0;
  for (int m = 0; m < merchants->rows(); ++m) {
    MerchantEntry entry{std::string(merchants->get(m, 0)),
                        std::string(merchants->get(m, 1)),
                        merchants->get(m, 2) == "t",
                        merchants->get(m, 3) == "t",
                        {}};
    for (; r < refs->rows() && refs->get(r, 0) == entry.id; ++r) {
      entry.refs.emplace(std::string(refs->get(r, 1)), std::string(refs->get(r, 2)));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

Result<std::string> export_merchants(store::PgConnection& db, std::string_view caisse_id,
                                     const std::vector<std::string>& currency_instances) {
  auto merchants = list_merchants(db, caisse_id);
  if (!merchants) return merchants.error();
  std::vector<std::string> columns = format::kMerchantColumns;
  columns.emplace_back(format::kMerchantBonusColumn);
  for (const auto& instance : currency_instances) columns.push_back(merchant_ref_column(instance));
  csv::Writer writer(columns);
  for (const MerchantEntry& merchant : *merchants) {
    std::vector<std::string> fields{merchant.id, merchant.name, merchant.accredited ? "yes" : "no",
                                    merchant.bonus ? "yes" : "no"};
    for (const auto& instance : currency_instances) {
      auto ref = merchant.refs.find(instance);
      fields.push_back(ref == merchant.refs.end() ? std::string() : ref->second);
    }
    writer.row(fields);
  }
  return writer.take();
}

}  // namespace caisse::host::registry
