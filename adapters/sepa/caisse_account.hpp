// The caisse's own side of its bank files: the creditor of its direct debits and the debtor of
// its transfers to merchants. Checked once, when the instance starts, so that a wrong IBAN or ICS
// stops the adapter at start-up rather than in the bank's answer to next month's file.
#pragma once

#include <string>

namespace caisse::adapters::sepa {

enum class LocalInstrument { core, b2b };

struct CaisseAccount {
  std::string name;         // as written in files: basic Latin, at most 70 characters
  std::string iban;         // compact
  std::string bic;          // "" when not configured
  std::string creditor_id;  // the ICS; "" for a payout-only account
  LocalInstrument instrument = LocalInstrument::core;
  bool batch_booking = true;
};

// What the operator wrote, before any check.
struct CaisseAccountSettings {
  std::string name;
  std::string iban;
  std::string bic;
  std::string creditor_id;
  std::string local_instrument = "CORE";
  bool batch_booking = true;
};

// The settings checked and normalised. Throws InvalidSetting whose message starts with the
// configuration key ("creditor_iban: wrong check digits ...").
CaisseAccount checked_account(const CaisseAccountSettings& settings);

}  // namespace caisse::adapters::sepa
