#include "account_book.hpp"

#include <system_error>

#include "csv_reader.hpp"
#include "file_errors.hpp"

namespace caisse::adapters::file_exchange_kit {

void AccountBook::refresh() {
  std::error_code ec;
  const auto time = std::filesystem::last_write_time(file_, ec);
  const auto size = ec ? 0 : std::filesystem::file_size(file_, ec);
  if (ec) throw FileAccessError(file_.string() + ": cannot read: " + ec.message());
  const FileStamp now{time, size};
  if (loaded_ && now == seen_) return;

  CsvReader table(file_, mapping_.dialect);
  const std::size_t household =
      table.column(mapping_.household_id, "accounts.columns.household_id");
  const std::size_t account = table.column(mapping_.account, "accounts.columns.account");
  std::map<std::string, std::string, std::less<>> by_account;
  std::map<std::string, std::string, std::less<>> first_line;  // account -> "file:line"
  std::map<std::string, std::vector<std::string>, std::less<>> by_household;
  for (CsvRow row; table.next(row);) {
    const std::string h(table.field(row, household));
    const std::string a(table.field(row, account));
    if (h.empty()) table.fail(row, household, "empty, a household id is required");
    if (a.empty()) table.fail(row, account, "empty, an account is required");
    auto [it, fresh] = by_account.emplace(a, h);
    if (!fresh) {
      if (it->second != h) {
        table.fail(row, account,
                   "already the account of household " + it->second + " (" + first_line[a] +
                       "); an account belongs to one household");
      }
      continue;  // the same pair twice
    }
    first_line[a] = table.where(row);
    by_household[h].push_back(a);
  }
  household_by_account_ = std::move(by_account);
  accounts_by_household_ = std::move(by_household);
  seen_ = now;
  loaded_ = true;
}

std::string AccountBook::household_of(std::string_view account) const {
  auto found = household_by_account_.find(account);
  return found == household_by_account_.end() ? std::string() : found->second;
}

std::variant<std::string, AccountBook::Missing> AccountBook::account_of(
    std::string_view household) const {
  auto found = accounts_by_household_.find(household);
  const std::string name = file_.filename().string();
  if (found == accounts_by_household_.end()) {
    return Missing{"household " + std::string(household) + " has no account in " + name};
  }
  if (found->second.size() > 1) {
    return Missing{"household " + std::string(household) + " has " +
                   std::to_string(found->second.size()) + " accounts in " + name +
                   ": a credit file needs one"};
  }
  return found->second.front();
}

}  // namespace caisse::adapters::file_exchange_kit
