// The column mapping of a file adapter: how each exchanged file looks, read from TOML. Each
// adapter ships a default mapping (the best known layout of its system); an operator's mapping
// file replaces whole sections of it. docs/adapters.md has the reference of every key.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date_format.hpp"
#include "text_encoding.hpp"

namespace caisse::adapters::file_exchange_kit {

// How a file someone else writes is read: a CSV file, whatever its extension says.
struct CsvDialect {
  char separator = ';';
  Encoding encoding = Encoding::utf8;
  int skip_lines = 0;  // lines before the header (an export's title)
};

enum class FileFormat { csv, xlsx };

// How a table caissed writes looks.
struct TableFormat {
  FileFormat format = FileFormat::csv;
  char separator = ';';          // csv
  bool bom = false;              // csv: starts with a UTF-8 BOM, for spreadsheets
  std::string line_end = "\n";   // csv: "\n" or "\r\n"
  bool header = true;            // a first row of column titles
  std::string sheet = "Sheet1";  // xlsx
  const char* extension() const { return format == FileFormat::xlsx ? ".xlsx" : ".csv"; }
};

// What one column of a written file holds.
struct OutputColumn {
  std::string field;     // a field name ("amount") or the key of a constant
  std::string header;    // its title in the header row
  std::string constant;  // the text of a constant column; empty otherwise
  bool is_constant = false;
};

// [credit_file]: the credit (order) file, one per dispatch batch. Fields: operation_id,
// household_id, account, amount, currency, description, date (when the file was written).
struct CreditFileMapping {
  TableFormat table;
  char decimal = '.';
  std::optional<DateFormat> date_format;  // required when the "date" column is used
  std::vector<OutputColumn> columns;
  bool uses(std::string_view field) const;
};

// [confirmation]: what the currency operator sends back. Columns are header titles; reference
// and message are optional (empty: absent).
struct ConfirmationMapping {
  CsvDialect dialect;
  std::string operation_id, status, reference, message;
  std::vector<std::string> credited, rejected, pending;  // status values
};

enum class PayerKind { household, account };

// [transactions]: an export of payments at merchants. reference and kind are optional.
struct TransactionMapping {
  CsvDialect dialect;
  char decimal = ',';
  std::optional<DateFormat> date_format;  // always set once loaded
  bool amounts_negative = false;          // payments are shown as negative amounts
  PayerKind payer = PayerKind::household;
  bool skip_unknown_payers = false;
  std::vector<std::string> purchase_kinds;
  std::string reference, payer_column, merchant, amount, date, kind;
};

// [merchants]: the accredited-merchant file. Fields: merchant_id, name, backend_ref, status.
struct MerchantFileMapping {
  TableFormat table;
  bool include_all = false;  // every merchant with a status column, or only accredited ones
  std::vector<OutputColumn> columns;
  std::string accredited_value = "accredited", withdrawn_value = "withdrawn";
};

// [accounts]: the operator's file pairing households with their account (card) numbers.
struct AccountsMapping {
  CsvDialect dialect;
  std::string household_id, account;
};

struct Mapping {
  TimeZone time_zone = TimeZone::europe_paris;
  CreditFileMapping credit_file;
  ConfirmationMapping confirmation;
  TransactionMapping transactions;
  MerchantFileMapping merchants;
  std::optional<AccountsMapping> accounts;

  // Whether an accounts file is needed: the credit file has an account column or payers are
  // accounts.
  bool needs_accounts() const;
};

// The default mapping (TOML text, named `default_name` in messages), with every top-level
// section that `operator_file` defines replacing the default's. Throws MappingError with one
// line per problem, "FILE:LINE:COLUMN: key.path: reason".
Mapping load_mapping(std::string_view default_text, std::string_view default_name,
                     const std::optional<std::filesystem::path>& operator_file);

}  // namespace caisse::adapters::file_exchange_kit
