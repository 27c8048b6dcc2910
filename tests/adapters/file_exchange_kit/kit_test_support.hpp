// What the kit's tests share: a complete valid mapping to start from, and files in a fresh
// folder.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "temp_dir.hpp"

namespace caisse::adapters::file_exchange_kit::testing {

// Every section, each key at a known line: tests replace sections through an operator's file.
inline constexpr std::string_view kBaseMapping = R"(timezone = "Europe/Paris"
[credit_file]
columns = ["operation_id", "household_id", "amount"]
[confirmation]
[confirmation.columns]
operation_id = "operation_id"
status = "status"
[confirmation.status_values]
credited = ["OK"]
rejected = ["KO"]
[transactions]
date_format = "%d/%m/%Y"
[transactions.columns]
payer = "payer"
merchant = "merchant"
amount = "amount"
date = "date"
[merchants]
columns = ["backend_ref"]
)";

inline void write_file(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace caisse::adapters::file_exchange_kit::testing
