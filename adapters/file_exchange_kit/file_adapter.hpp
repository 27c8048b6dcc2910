// A CURRENCY adapter for a backend reached by files, driven by a column mapping. The Moneko,
// UpCoop and Kohinos plugins are this class with their own default mapping:
//
//   credit()          writes the lines to a new credit (order) file in outbox_dir, CSV or XLSX,
//                     and answers PENDING; a line already written is not written again.
//   status()          SUCCEEDED or DECLINED once a confirmation file in inbox_dir says so,
//                     PENDING while its credit file waits, NOT_SENT when no credit file holds it.
//   list_purchases()  the payments in the exports dropped in import_dir.
//   sync_merchants()  writes the accredited-merchant file.
//
// Which operation went to which file is recorded in the host's key/value store
// (operation_journal.hpp), so the operator may move or archive files once sent.
#pragma once

#include <caisse/sdk.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "account_book.hpp"
#include "adapter_settings.hpp"
#include "confirmation_inbox.hpp"
#include "operation_journal.hpp"
#include "purchase_import.hpp"

namespace caisse::adapters::file_exchange_kit {

class FileAdapter {
 public:
  FileAdapter(sdk::Host host, const AdapterDefaults& defaults);

  std::vector<sdk::OperationResult> credit(std::span<const sdk::CreditLine> lines);
  sdk::OperationResult status(std::string_view operation_id);
  void list_purchases(std::int64_t from_ms, std::int64_t to_ms, const sdk::PurchaseSink& emit);
  void sync_merchants(std::span<const sdk::Merchant> merchants);

 private:
  // The household of a payer, per the mapping; empty when unknown.
  std::string household_of(const std::string& payer);

  sdk::Host host_;
  AdapterSettings settings_;
  OperationJournal journal_;
  ConfirmationInbox inbox_;
  PurchaseImport imports_;
  std::optional<AccountBook> accounts_;
};

}  // namespace caisse::adapters::file_exchange_kit
