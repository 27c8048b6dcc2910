// The accredited-merchant file: the caisse's list of merchants as the backend operator needs it
// to allow or refuse payments, per the mapping's [merchants] section.
#pragma once

#include <caisse/sdk.hpp>

#include <span>
#include <string>
#include <vector>

#include "table_writer.hpp"

namespace caisse::adapters::file_exchange_kit {

struct MerchantRows {
  Table table;
  // Accredited merchants the file cannot list: the backend does not know them yet (no
  // backend reference), by merchant id.
  std::vector<std::string> left_out;
};

// The rows, sorted by merchant id: only accredited merchants, or all of them with their status
// when the mapping includes all.
MerchantRows merchant_rows(const MerchantFileMapping& mapping,
                           std::span<const sdk::Merchant> merchants);

}  // namespace caisse::adapters::file_exchange_kit
