// The transaction exports an operator drops in the import folder (every *.csv there), read with
// the mapping's [transactions] section into purchases: who paid (a household, or an account the
// accounts file pairs with one), which merchant, how much, when.
//
// Re-importing changes nothing because each purchase's reference is stable: the export's own
// reference column when the mapping has one, otherwise a digest of the row (date, payer,
// merchant, amount) and its rank among identical rows of its file. Every file is checked whole
// before anything is handed over, so a malformed file imports nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "directory_scan.hpp"
#include "mapping.hpp"

namespace caisse::adapters::file_exchange_kit {

// One payment row of an export, before its payer is resolved to a household.
struct ExportedPayment {
  std::string reference;
  std::string payer;  // a household id or an account, per the mapping
  std::string merchant;
  std::int64_t amount_minor = 0;  // > 0
  std::int64_t paid_at_ms = 0;
  std::string source;  // "export.csv:12"
};

class PurchaseImport {
 public:
  PurchaseImport(std::filesystem::path dir, TransactionMapping mapping, TimeZone zone,
                 int minor_unit)
      : dir_(std::move(dir)), mapping_(std::move(mapping)), zone_(zone), minor_unit_(minor_unit) {}

  // Every payment of every export, each reference once, in file and line order. Throws
  // FileFormatError "<file>:<line>: <column>: <reason>" for a malformed row, or for one
  // reference given two different payments (naming both places); FileAccessError when the
  // folder or a file cannot be read.
  std::vector<ExportedPayment> read_all();

 private:
  std::vector<ExportedPayment> read_file(const std::filesystem::path& path) const;

  std::filesystem::path dir_;
  TransactionMapping mapping_;
  TimeZone zone_;
  int minor_unit_;
  // Parsed files, by path, with the stamp they were parsed at.
  std::map<std::filesystem::path, std::pair<FileStamp, std::vector<ExportedPayment>>> cache_;
};

}  // namespace caisse::adapters::file_exchange_kit
