#include "registry/merchants.hpp"

#include "csv/csv_writer.hpp"
#include "registry/formats.hpp"

namespace caisse::host::registry {
namespace {

constexpr const char* kMerchants = R"sql(
SELECT m.id, m.name, m.accredited, m.bonus, m.kind, m.location, m.account_opened,
       m.documents_received, m.qr_issued, s.standing
  FROM registry_merchants m
  JOIN merchant_standings($1, current_date) s ON s.merchant_id = m.id COLLATE "C"
 WHERE m.caisse_id = $1
 ORDER BY m.id
)sql";

const char* yes_no(bool flag) {
  return flag ? "yes" : "no";
}

MerchantEntry entry_at(const store::PgResult& rows, int m) {
  MerchantEntry entry;
  entry.id = std::string(rows.get(m, 0));
  entry.name = std::string(rows.get(m, 1));
  entry.accredited = rows.get(m, 2) == "t";
  entry.bonus = rows.get(m, 3) == "t";
  entry.kind = std::string(rows.get(m, 4));
  entry.location = std::string(rows.get(m, 5));
  entry.account_opened = rows.get(m, 6) == "t";
  entry.documents_received = rows.get(m, 7) == "t";
  entry.qr_issued = rows.get(m, 8) == "t";
  entry.standing = std::string(rows.get(m, 9));
  return entry;
}

}  // namespace

std::string merchant_ref_column(std::string_view instance) {
  return std::string(format::kMerchantRefPrefix) + std::string(instance);
}

Result<std::vector<MerchantEntry>> list_merchants(store::PgConnection& db,
                                                  std::string_view caisse_id) {
  auto merchants = db.exec_params(kMerchants, {std::string(caisse_id)});
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
    MerchantEntry entry = entry_at(*merchants, m);
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
  columns.emplace_back(format::kMerchantKindColumn);
  columns.emplace_back(format::kMerchantLocationColumn);
  for (auto step : format::kMerchantOnboardingColumns) columns.emplace_back(step);
  for (const auto& instance : currency_instances) columns.push_back(merchant_ref_column(instance));
  csv::Writer writer(columns);
  for (const MerchantEntry& merchant : *merchants) {
    std::vector<std::string> fields{merchant.id,
                                    merchant.name,
                                    yes_no(merchant.standing == "accredited"),
                                    yes_no(merchant.bonus),
                                    merchant.kind,
                                    merchant.location,
                                    yes_no(merchant.account_opened),
                                    yes_no(merchant.documents_received),
                                    yes_no(merchant.qr_issued)};
    for (const auto& instance : currency_instances) {
      auto ref = merchant.refs.find(instance);
      fields.push_back(ref == merchant.refs.end() ? std::string() : ref->second);
    }
    writer.row(fields);
  }
  return writer.take();
}

}  // namespace caisse::host::registry
