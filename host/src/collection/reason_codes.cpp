#include "collection/reason_codes.hpp"

#include <array>

namespace caisse::host::collection {
namespace {

using E = MandateEffect;

// The codes a direct debit of a member's current account meets in practice (EPC173-14).
constexpr std::array<ReasonWords, 11> kReasons = {{
    {"AC01", E::needs_bank_details, false, "account number invalid", "numéro de compte invalide"},
    {"AC04", E::needs_bank_details, false, "account closed", "compte clôturé"},
    {"AC06", E::hold, false, "account blocked for direct debits", "compte bloqué aux prélèvements"},
    {"AG01", E::needs_bank_details, false, "direct debits not allowed on this account",
     "prélèvement interdit sur ce compte"},
    {"AM04", E::keep, true, "insufficient funds", "provision insuffisante"},
    {"MD01", E::revoke, false, "no mandate (revoked or unknown to the bank)",
     "pas de mandat (révoqué ou inconnu de la banque)"},
    {"MD02", E::keep, false, "mandate data missing or wrong", "données du mandat erronées"},
    {"MD06", E::keep, false, "refund asked by the member", "remboursement demandé par le membre"},
    {"MD07", E::revoke, false, "account holder deceased", "titulaire du compte décédé"},
    {"MS02", E::hold, false, "refused by the member", "refusé par le membre"},
    {"MS03", E::keep, true, "refused by the bank, no reason given",
     "refusé par la banque sans motif"},
}};

}  // namespace

ReasonWords reason_words(std::string_view code) {
  if (code.empty())
    return ReasonWords{code, E::keep, false, "no reason given", "aucun motif donné"};
  for (const auto& reason : kReasons) {
    if (reason.code == code) return reason;
  }
  return ReasonWords{code, E::keep, false, "reason not in the host's table",
                     "motif absent de la table"};
}

std::optional<MandateStatus> status_after(MandateEffect effect) {
  switch (effect) {
    case E::needs_bank_details:
      return MandateStatus::needs_bank_details;
    case E::hold:
      return MandateStatus::on_hold;
    case E::revoke:
      return MandateStatus::revoked;
    case E::keep:
      break;
  }
  return std::nullopt;
}

}  // namespace caisse::host::collection
