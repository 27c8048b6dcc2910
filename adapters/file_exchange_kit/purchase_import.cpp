#include "purchase_import.hpp"

#include <map>
#include <variant>

#include "amount.hpp"
#include "csv_reader.hpp"
#include "file_errors.hpp"
#include "fingerprint.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

bool same_payment(const ExportedPayment& a, const ExportedPayment& b) {
  return a.payer == b.payer && a.merchant == b.merchant && a.amount_minor == b.amount_minor &&
         a.paid_at_ms == b.paid_at_ms;
}

}  // namespace

std::vector<ExportedPayment> PurchaseImport::read_file(const std::filesystem::path& path) const {
  CsvReader table(path, mapping_.dialect);
  const std::size_t payer = table.column(mapping_.payer_column, "transactions.columns.payer");
  const std::size_t merchant = table.column(mapping_.merchant, "transactions.columns.merchant");
  const std::size_t amount = table.column(mapping_.amount, "transactions.columns.amount");
  const std::size_t date = table.column(mapping_.date, "transactions.columns.date");
  const auto reference =
      table.optional_column(mapping_.reference, "transactions.columns.reference");
  const auto kind = table.optional_column(mapping_.kind, "transactions.columns.kind");

  std::vector<ExportedPayment> out;
  std::map<std::string, int> rank;  // digest -> identical rows seen so far in this file
  for (CsvRow row; table.next(row);) {
    if (kind) {
      const std::string_view k = table.field(row, *kind);
      bool purchase = false;
      for (const auto& wanted : mapping_.purchase_kinds) purchase |= k == wanted;
      if (!purchase) continue;  // a load, a transfer, a reconversion: not a purchase
    }
    ExportedPayment p;
    p.source = table.where(row);
    const auto parsed = parse_amount(table.field(row, amount), mapping_.decimal, minor_unit_);
    if (const auto* reason = std::get_if<std::string>(&parsed)) table.fail(row, amount, *reason);
    const std::int64_t signed_minor = std::get<std::int64_t>(parsed);
    // A row with the other sign is money coming back to the payer (a card load, a refund).
    p.amount_minor = mapping_.amounts_negative ? -signed_minor : signed_minor;
    const auto when = mapping_.date_format->parse(table.field(row, date));
    if (const auto* reason = std::get_if<std::string>(&when)) table.fail(row, date, *reason);
    p.paid_at_ms = to_epoch_ms(std::get<CivilTime>(when), zone_);
    p.payer = std::string(table.field(row, payer));
    if (p.payer.empty()) table.fail(row, payer, "empty, the payer is required");
    p.merchant = std::string(table.field(row, merchant));
    if (p.merchant.empty()) table.fail(row, merchant, "empty, the merchant is required");
    if (reference) {
      p.reference = std::string(table.field(row, *reference));
      if (p.reference.empty()) table.fail(row, *reference, "empty, a reference is required");
    }
    if (p.amount_minor <= 0) continue;
    if (!reference) {
      const std::string digest =
          fingerprint(std::to_string(p.paid_at_ms) + '\x1f' + p.payer + '\x1f' + p.merchant +
                      '\x1f' + std::to_string(p.amount_minor));
      p.reference = "row:" + digest + ":" + std::to_string(++rank[digest]);
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<ExportedPayment> PurchaseImport::read_all() {
  const FolderState files = scan_folder(dir_, ".csv");
  std::erase_if(cache_, [&](const auto& entry) { return !files.contains(entry.first); });
  std::vector<ExportedPayment> all;
  std::map<std::string, const ExportedPayment*, std::less<>> by_reference;
  for (const auto& [path, stamp] : files) {
    auto cached = cache_.find(path);
    if (cached == cache_.end() || cached->second.first != stamp) {
      cache_[path] = {stamp, read_file(path)};
      cached = cache_.find(path);
    }
    for (const ExportedPayment& p : cached->second.second) {
      auto [it, fresh] = by_reference.emplace(p.reference, &p);
      if (fresh) {
        all.push_back(p);
      } else if (!same_payment(*it->second, p)) {
        throw FileFormatError(p.source + ": reference " + p.reference + " is also on " +
                              it->second->source + " with another payer, merchant, amount or date");
      }
    }
  }
  return all;
}

}  // namespace caisse::adapters::file_exchange_kit
