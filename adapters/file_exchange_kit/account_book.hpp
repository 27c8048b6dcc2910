// The operator's file pairing each household with its account at the backend (an Up card
// number, a Moneko account id), read with the mapping's [accounts] section and read again when
// it changes. An account belongs to one household; a household may have several accounts (two
// cards), but then a credit file cannot tell which one to load.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "directory_scan.hpp"
#include "mapping.hpp"

namespace caisse::adapters::file_exchange_kit {

class AccountBook {
 public:
  AccountBook(std::filesystem::path file, AccountsMapping mapping)
      : file_(std::move(file)), mapping_(std::move(mapping)) {}

  // Reads the file again if it changed since the last call: call it once per hook, before the
  // lookups. Throws FileFormatError naming file, line and column for a malformed file or an
  // account listed for two households; FileAccessError when it cannot be read.
  void refresh();

  // The household an account belongs to; empty when the file does not list it.
  std::string household_of(std::string_view account) const;
  // The one account of a household, or (a second alternative) why there is none to use.
  struct Missing {
    std::string reason;
  };
  std::variant<std::string, Missing> account_of(std::string_view household) const;

 private:
  std::filesystem::path file_;
  AccountsMapping mapping_;
  FileStamp seen_{};
  bool loaded_ = false;
  std::map<std::string, std::string, std::less<>> household_by_account_;
  std::map<std::string, std::vector<std::string>, std::less<>> accounts_by_household_;
};

}  // namespace caisse::adapters::file_exchange_kit
