// The merchants of a caisse as the rest of the host reads them: the list its committee keeps
// (merchants.csv, docs/registry.md), pushed to every currency backend and used to tell which
// purchases were made at accredited places. The list belongs to the caisse, never to the
// currency operator.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::registry {

struct MerchantEntry {
  std::string id;  // the caisse's id for it ("M-0042")
  std::string name;
  // The payment gate: the committee accredits it and its onboarding is complete
  // (merchants_gate.hpp). false: suspended, refused, expired, never accredited or not onboarded.
  bool accredited = false;
  bool bonus = false;         // purchases there earn a bonus (docs/bonus.md)
  std::string kind = "shop";  // formats.hpp kMerchantKinds
  std::string location;
  bool account_opened = true;  // the onboarding checklist
  bool documents_received = true;
  bool qr_issued = true;
  // The committee's side today: accredited, expired, suspended, refused, not_accredited.
  std::string standing;
  // How each currency instance knows it (instance -> backend ref); an instance missing here does
  // not know the merchant.
  std::map<std::string, std::string, std::less<>> refs;
};

// "ref:<instance>": the column of merchants.csv holding the merchant's reference at `instance`.
std::string merchant_ref_column(std::string_view instance);

// Every merchant of the caisse with its references, ordered by id. A caisse's list is a few
// hundred places, read whole.
Result<std::vector<MerchantEntry>> list_merchants(store::PgConnection& db,
                                                  std::string_view caisse_id);

// merchants.csv as import_csv() reads it: merchant_id, name, accredited (the committee's
// standing, so that the file imports back without contradicting a decision), bonus, kind,
// location, the onboarding steps, then one ref:<instance> column for each of
// `currency_instances`, in that order.
Result<std::string> export_merchants(store::PgConnection& db, std::string_view caisse_id,
                                     const std::vector<std::string>& currency_instances);

}  // namespace caisse::host::registry
