// The rows of a credit (order) file for a batch of credit lines, per the mapping's
// [credit_file] section.
#pragma once

#include <caisse/sdk.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "table_writer.hpp"

namespace caisse::adapters::file_exchange_kit {

struct CreditRowContext {
  int minor_unit = 2;
  std::string date;  // the "date" column: when the file is written, per the mapping's format
  // The account of a household (the "account" column), or nullopt with `why` set when it has
  // none to use. Unused when the mapping has no account column.
  std::function<std::optional<std::string>(std::string_view household, std::string& why)>
      account_of;
};

// The header of the credit file.
std::vector<std::string> credit_header(const CreditFileMapping& mapping);

// One line's row, or nullopt with `why` set when it cannot be written yet (no account).
std::optional<std::vector<std::string>> credit_row(const CreditFileMapping& mapping,
                                                   const sdk::CreditLine& line,
                                                   const CreditRowContext& context,
                                                   std::string& why);

}  // namespace caisse::adapters::file_exchange_kit
