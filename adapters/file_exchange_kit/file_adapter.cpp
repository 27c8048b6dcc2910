#include "file_adapter.hpp"

#include <cstdio>
#include <set>
#include <string>

#include "credit_rows.hpp"
#include "file_errors.hpp"
#include "fingerprint.hpp"
#include "merchant_file.hpp"
#include "table_writer.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

// Runs body, turning the kit's file errors into the status the hook reports: a malformed file
// is `malformed` (the operator fixes it), an unreadable one UNAVAILABLE (try again later).
template <class Body>
auto reporting_file_errors(caisse_status_t malformed, Body&& body) {
  try {
    return body();
  } catch (const FileFormatError& e) {
    throw sdk::StatusError(malformed, e.what());
  } catch (const FileAccessError& e) {
    throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, e.what());
  }
}

std::string waiting_in(std::string_view file) {
  return "in " + std::string(file) + ", waiting for the operator's confirmation";
}

}  // namespace

FileAdapter::FileAdapter(sdk::Host host, const AdapterDefaults& defaults)
    : host_(host),
      settings_(read_settings(host, defaults)),
      journal_(host, settings_.outbox),
      inbox_(settings_.inbox, settings_.mapping.confirmation),
      imports_(settings_.import, settings_.mapping.transactions, settings_.mapping.time_zone,
               settings_.minor_unit) {
  if (settings_.accounts_file) {
    accounts_.emplace(*settings_.accounts_file, *settings_.mapping.accounts);
  }
}

std::vector<sdk::OperationResult> FileAdapter::credit(std::span<const sdk::CreditLine> lines) {
  for (const auto& line : lines) {
    if (line.amount.currency != settings_.currency) {
      throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                             "line " + std::string(line.operation_id) + " is in " +
                                 std::string(line.amount.currency) + ", this instance writes " +
                                 settings_.currency + " (its currency key)");
    }
  }
  return reporting_file_errors(CAISSE_STATUS_UNAVAILABLE, [&] {
    if (accounts_) accounts_->refresh();
    const Mapping& mapping = settings_.mapping;
    const CivilTime today = to_civil(host_.now_ms(), mapping.time_zone);
    CreditRowContext context;
    context.minor_unit = settings_.minor_unit;
    if (mapping.credit_file.date_format)
      context.date = mapping.credit_file.date_format->format(today);
    context.account_of = [&](std::string_view household, std::string& why) {
      auto found = accounts_->account_of(household);
      if (auto* missing = std::get_if<AccountBook::Missing>(&found)) {
        why = missing->reason;
        return std::optional<std::string>();
      }
      return std::optional<std::string>(std::get<std::string>(std::move(found)));
    };

    std::vector<sdk::OperationResult> results(lines.size());
    Table table{credit_header(mapping.credit_file), {}};
    std::vector<std::string> ids;
    std::vector<std::size_t> written;  // indexes of the lines going into the new file
    std::set<std::string_view> batch;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const sdk::CreditLine& line = lines[i];
      if (auto file = journal_.file_of(line.operation_id)) {
        results[i] = {sdk::Outcome::pending, "", waiting_in(*file)};
        continue;
      }
      if (!batch.insert(line.operation_id).second) {
        written.push_back(i);  // twice in the batch: one row, both answered with its file
        continue;
      }
      std::string why;
      auto row = credit_row(mapping.credit_file, line, context, why);
      if (!row) {
        batch.erase(line.operation_id);
        results[i] = {sdk::Outcome::not_sent, "", why};
        continue;
      }
      table.rows.push_back(std::move(*row));
      ids.emplace_back(line.operation_id);
      written.push_back(i);
    }
    if (table.rows.empty()) return results;

    char day[16];
    std::snprintf(day, sizeof day, "%04d-%02d-%02d", today.year, today.month, today.day);
    const std::string name = journal_.new_file_name(settings_.credit_file_prefix, day,
                                                    mapping.credit_file.table.extension());
    journal_.intend(ids, name);
    write_table(settings_.outbox / name, mapping.credit_file.table, table, host_.now_ms());
    journal_.commit(name);
    for (std::size_t i : written) results[i] = {sdk::Outcome::pending, "", waiting_in(name)};
    host_.metric_add("lines_written", static_cast<std::int64_t>(table.rows.size()));
    host_.info("event=credit_file_written file=" + name +
               " lines=" + std::to_string(table.rows.size()));
    return results;
  });
}

sdk::OperationResult FileAdapter::status(std::string_view operation_id) {
  // A malformed confirmation is the operator's to fix; until then the line keeps its status.
  return reporting_file_errors(CAISSE_STATUS_UNAVAILABLE, [&]() -> sdk::OperationResult {
    if (auto confirmed = inbox_.find(operation_id)) {
      return {confirmed->credited ? sdk::Outcome::succeeded : sdk::Outcome::declined,
              confirmed->reference,
              confirmed->message.empty() ? confirmed->source : confirmed->message};
    }
    if (auto file = journal_.file_of(operation_id)) {
      return {sdk::Outcome::pending, "", waiting_in(*file)};
    }
    return {sdk::Outcome::not_sent, "", "in no credit file"};
  });
}

std::string FileAdapter::household_of(const std::string& payer) {
  if (settings_.mapping.transactions.payer == PayerKind::household) return payer;
  return accounts_->household_of(payer);
}

void FileAdapter::list_purchases(std::int64_t from_ms, std::int64_t to_ms,
                                 const sdk::PurchaseSink& emit) {
  // Every file is read and checked, and every payer resolved, before the first purchase is
  // handed over: a malformed file imports nothing.
  std::vector<sdk::Purchase> purchases = reporting_file_errors(CAISSE_STATUS_INVALID_ARGUMENT, [&] {
    std::vector<sdk::Purchase> out;
    if (accounts_) accounts_->refresh();
    for (const ExportedPayment& p : imports_.read_all()) {
      if (p.paid_at_ms < from_ms || p.paid_at_ms >= to_ms) continue;
      std::string household = household_of(p.payer);
      if (household.empty() && settings_.mapping.transactions.skip_unknown_payers) continue;
      out.push_back({p.reference, std::move(household), p.merchant, p.amount_minor,
                     settings_.currency, p.paid_at_ms});
    }
    return out;
  });
  for (const auto& purchase : purchases) emit(purchase);
  host_.metric_add("purchases_listed", static_cast<std::int64_t>(purchases.size()));
}

void FileAdapter::sync_merchants(std::span<const sdk::Merchant> merchants) {
  const MerchantFileMapping& mapping = settings_.mapping.merchants;
  const MerchantRows rows = merchant_rows(mapping, merchants);
  // Written again only when it would change, so that its date tells the operator when the list
  // last changed.
  const std::string digest =
      fingerprint(settings_.merchants_file.string() + '\x1f' + mapping.table.extension() + '\x1f' +
                  render_csv(mapping.table, rows.table));
  std::error_code ec;
  if (host_.kv_get("merchants_digest") != digest ||
      !std::filesystem::exists(settings_.merchants_file, ec)) {
    reporting_file_errors(CAISSE_STATUS_UNAVAILABLE, [&] {
      write_table(settings_.merchants_file, mapping.table, rows.table, host_.now_ms());
    });
    host_.kv_put("merchants_digest", digest);
    host_.info("event=merchant_file_written file=" + settings_.merchants_file.filename().string() +
               " merchants=" + std::to_string(rows.table.rows.size()));
  }
  if (!rows.left_out.empty()) {
    std::string ids;
    for (const auto& id : rows.left_out) ids += (ids.empty() ? "" : ", ") + id;
    throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE,
                           "accredited merchants with no backend reference, left out of " +
                               settings_.merchants_file.filename().string() + ": " + ids);
  }
}

}  // namespace caisse::adapters::file_exchange_kit
