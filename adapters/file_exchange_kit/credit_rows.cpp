#include "credit_rows.hpp"

#include "amount.hpp"

namespace caisse::adapters::file_exchange_kit {

std::vector<std::string> credit_header(const CreditFileMapping& mapping) {
  std::vector<std::string> header;
  for (const auto& column : mapping.columns) header.push_back(column.header);
  return header;
}

std::optional<std::vector<std::string>> credit_row(const CreditFileMapping& mapping,
                                                   const sdk::CreditLine& line,
                                                   const CreditRowContext& context,
                                                   std::string& why) {
  std::vector<std::string> row;
  for (const auto& column : mapping.columns) {
    const std::string& f = column.field;
    if (column.is_constant) {
      row.push_back(column.constant);
    } else if (f == "operation_id") {
      row.emplace_back(line.operation_id);
    } else if (f == "household_id") {
      row.emplace_back(line.household_id);
    } else if (f == "account") {
      auto account = context.account_of(line.household_id, why);
      if (!account) return std::nullopt;
      row.push_back(std::move(*account));
    } else if (f == "amount") {
      row.push_back(format_amount(line.amount.minor, context.minor_unit, mapping.decimal));
    } else if (f == "currency") {
      row.emplace_back(line.amount.currency);
    } else if (f == "description") {
      row.emplace_back(line.description);
    } else {
      row.push_back(context.date);
    }
  }
  return row;
}

}  // namespace caisse::adapters::file_exchange_kit
