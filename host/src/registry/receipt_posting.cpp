#include "registry/receipt_posting.hpp"

#include "ledger/chart.hpp"
#include "ledger/journal.hpp"
#include "money/money.hpp"
#include "registry/formats.hpp"

namespace caisse::host::registry {
std::string receipt_reference(std::string_view prefix, std::string_view id) {
  std::string reference(prefix);
  for (char c : id) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                         (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '/' || c == ':' ||
                         c == '-';
    reference += allowed ? c : '_';
  }
  return reference.substr(0, format::kMaxReferenceLength);
}

std::string receipt_differences(std::string_view recorded_date, std::string_view household_id,
                                std::string_view funder_id, std::int64_t amount_minor,
                                const NewReceipt& receipt, std::string_view now) {
  std::string out;
  auto compare = [&](std::string_view column, std::string_view before, std::string_view after) {
    if (before == after) return;
    if (!out.empty()) out += ", ";
    out += std::string(column) + " \"" + std::string(before) + "\" recorded, \"" +
           std::string(after) + "\" " + std::string(now);
  };
  compare("date", recorded_date, ledger::format_date(receipt.date));
  compare("household_id", household_id, receipt.household_id.value_or(""));
  compare("funder_id", funder_id, receipt.funder_id.value_or(""));
  compare("amount", money::format_decimal(amount_minor, format::kEuroMinorUnit),
          money::format_decimal(receipt.amount_minor, format::kEuroMinorUnit));
  return out;
}

Result<RecordedReceipt> record_receipt(store::PgConnection& db, const config::CaisseConfig& caisse,
                                       const NewReceipt& receipt) {
  if (receipt.household_id.has_value() == receipt.funder_id.has_value()) {
    return make_error(
        "receipt " + receipt.reference + " names neither or both of a household " + "and a funder",
        ErrorKind::invalid);
  }
  auto recorded = db.exec_params(
      "SELECT to_char(received_on, 'YYYY-MM-DD'), coalesce(household_id, ''),"
      "       coalesce(funder_id, ''), amount_minor, entry_id"
      "  FROM registry_receipts WHERE caisse_id = $1 AND reference = $2",
      {caisse.id, receipt.reference});
  if (!recorded) return recorded.error();
  if (recorded->rows() > 0) {
    const std::string differs =
        receipt_differences(recorded->get(0, 0), recorded->get(0, 1), recorded->get(0, 2),
                            std::stoll(std::string(recorded->get(0, 3))), receipt);
    if (!differs.empty()) {
      return make_error("receipt \"" + receipt.reference +
                            "\" is already recorded with other content (" + differs + ")",
                        ErrorKind::conflict);
    }
    return RecordedReceipt{std::stoll(std::string(recorded->get(0, 4))), false};
  }

  auto chart = ledger::open_chart(db, caisse.id, format::kEuro, format::kEuroMinorUnit,
                                  caisse.currency.code, caisse.currency.minor_unit);
  if (!chart) return chart.error();
  const ledger::AccountRef bank{ledger::AccountKind::bank, receipt.bank_account_key};
  if (!receipt.bank_account_key.empty()) {
    auto opened = ledger::open_account(db, caisse.id, bank, format::kEuro);
    if (!opened) return opened.error();
  }
  ledger::AccountRef source{ledger::AccountKind::contributions, ""};
  std::string description =
      "Contribution received from household " + receipt.household_id.value_or("");
  if (receipt.funder_id) {
    source = {ledger::AccountKind::grant, *receipt.funder_id};
    description = "Grant received from funder " + *receipt.funder_id;
    auto opened = ledger::open_account(db, caisse.id, source, format::kEuro);
    if (!opened) return opened.error();
  }
  ledger::NewEntry entry{caisse.id,
                         "receipt/" + receipt.reference,
                         receipt.date,
                         description + " (" + receipt.reference + ")",
                         receipt.origin,
                         {{bank, {receipt.amount_minor, format::kEuro}},
                          {source, {-receipt.amount_minor, format::kEuro}}}};
  auto posted = ledger::post(db, entry);
  if (!posted) return posted.error();
  auto inserted = db.exec_params(
      "INSERT INTO registry_receipts"
      "    (caisse_id, reference, received_on, source, household_id, funder_id, amount_minor,"
      "     entry_id)"
      " VALUES ($1, $2, $3::date, $4, $5, $6, $7::bigint, $8::bigint)",
      {caisse.id, receipt.reference, ledger::format_date(receipt.date),
       std::string(receipt.funder_id ? "grant" : "contribution"), receipt.household_id,
       receipt.funder_id, std::to_string(receipt.amount_minor), std::to_string(posted->entry.id)});
  if (!inserted) return inserted.error();
  return RecordedReceipt{posted->entry.id, true};
}

Result<RecordedReceipt> reverse_receipt(store::PgConnection& db, const config::CaisseConfig& caisse,
                                        const std::string& reference, ledger::Date date,
                                        const std::string& why) {
  auto recorded = db.exec_params(
      "SELECT entry_id, reversal_entry_id FROM registry_receipts"
      " WHERE caisse_id = $1 AND reference = $2",
      {caisse.id, reference});
  if (!recorded) return recorded.error();
  if (recorded->rows() == 0) {
    return make_error("no receipt \"" + reference + "\" to reverse", ErrorKind::not_found);
  }
  if (!recorded->is_null(0, 1)) {
    return RecordedReceipt{std::stoll(std::string(recorded->get(0, 1))), false};
  }
  const std::int64_t entry_id = std::stoll(std::string(recorded->get(0, 0)));
  auto reversal = ledger::post_reversal(db, caisse.id, entry_id, "receipt-reversal/" + reference,
                                        date, "Receipt " + reference + " given back: " + why);
  if (!reversal) return reversal.error();
  auto marked = db.exec_params(
      "UPDATE registry_receipts SET reversal_entry_id = $3::bigint"
      " WHERE caisse_id = $1 AND reference = $2",
      {caisse.id, reference, std::to_string(reversal->entry.id)});
  if (!marked) return marked.error();
  return RecordedReceipt{reversal->entry.id, reversal->created};
}

}  // namespace caisse::host::registry
