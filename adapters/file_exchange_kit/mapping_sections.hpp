// One reader per mapping section, each reporting every problem of its table (unknown keys,
// missing or duplicate columns, wrong types and values) to the table's Diagnostics.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "mapping.hpp"
#include "toml_strict.hpp"

namespace caisse::adapters::file_exchange_kit {

// Facts one section learns that another section must agree with.
struct SectionChecks {
  // Where the mapping asks for accounts, for the error when there is no [accounts] section.
  std::vector<std::pair<TomlPlace, std::string>> account_uses;
};

CreditFileMapping read_credit_file(StrictTable& table, SectionChecks& checks);
ConfirmationMapping read_confirmation(StrictTable& table);
TransactionMapping read_transactions(StrictTable& table, SectionChecks& checks);
MerchantFileMapping read_merchants(StrictTable& table);
AccountsMapping read_accounts(StrictTable& table);

}  // namespace caisse::adapters::file_exchange_kit
