#include "caisse_account.hpp"

#include <optional>

#include "bic.hpp"
#include "creditor_id.hpp"
#include "iban.hpp"
#include "latin_text.hpp"
#include "sepa_errors.hpp"

namespace caisse::adapters::sepa {
namespace {

void refuse_if(const char* key, const std::optional<std::string>& problem) {
  if (problem) throw InvalidSetting(std::string(key) + ": " + *problem);
}

}  // namespace

CaisseAccount checked_account(const CaisseAccountSettings& settings) {
  CaisseAccount account;
  account.name = fit_sepa_text(settings.name, kMaxNameLength);
  if (account.name.empty()) {
    throw InvalidSetting("creditor_name: empty once written in the SEPA character set");
  }
  account.iban = compact_iban(settings.iban);
  refuse_if("creditor_iban", iban_problem(account.iban));
  account.bic = compact_iban(settings.bic);  // same folding: spaces out, capitals
  if (!account.bic.empty()) refuse_if("creditor_bic", bic_problem(account.bic));
  account.creditor_id = compact_iban(settings.creditor_id);
  if (!account.creditor_id.empty()) {
    refuse_if("creditor_id", creditor_id_problem(account.creditor_id));
  }
  if (settings.local_instrument == "CORE") {
    account.instrument = LocalInstrument::core;
  } else if (settings.local_instrument == "B2B") {
    account.instrument = LocalInstrument::b2b;
  } else {
    throw InvalidSetting("local_instrument: \"" + settings.local_instrument +
                         "\" is neither \"CORE\" nor \"B2B\"");
  }
  account.batch_booking = settings.batch_booking;
  return account;
}

}  // namespace caisse::adapters::sepa
