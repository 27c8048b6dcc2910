#include "bank/expected_money.hpp"

#include <algorithm>

namespace caisse::host::bank {

std::string ascii_lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

Result<ExpectedMoney> load_expected_money(store::PgConnection& db, const std::string& caisse_id) {
  ExpectedMoney expected;
  auto debits = db.exec_params(
      "SELECT d.end_to_end_id, d.household_id, d.mandate_id, d.month, d.amount_minor, d.state,"
      "       r.message_id"
      "  FROM collection_debits d JOIN collection_runs r USING (caisse_id, month)"
      " WHERE d.caisse_id = $1 ORDER BY d.end_to_end_id",
      {caisse_id});
  if (!debits) return debits.error();
  for (int r = 0; r < debits->rows(); ++r) {
    ExpectedDebit debit{std::string(debits->get(r, 0)),
                        std::string(debits->get(r, 1)),
                        std::string(debits->get(r, 2)),
                        std::string(debits->get(r, 3)),
                        std::stoll(std::string(debits->get(r, 4))),
                        std::string(debits->get(r, 5))};
    expected.run_debits[std::string(debits->get(r, 6))].push_back(debit.end_to_end_id);
    expected.debits.emplace(debit.end_to_end_id, std::move(debit));
  }
  auto funders = db.exec_params(
      "SELECT id, name FROM registry_funders WHERE caisse_id = $1 ORDER BY id", {caisse_id});
  if (!funders) return funders.error();
  for (int r = 0; r < funders->rows(); ++r) {
    const std::string id(funders->get(r, 0));
    expected.funders.push_back({id, ascii_lowered(id), ascii_lowered(funders->get(r, 1))});
  }
  auto households =
      db.exec_params("SELECT id FROM registry_households WHERE caisse_id = $1", {caisse_id});
  if (!households) return households.error();
  for (int r = 0; r < households->rows(); ++r) {
    const std::string id(households->get(r, 0));
    expected.households.emplace(ascii_lowered(id), id);
  }
  return expected;
}

}  // namespace caisse::host::bank
