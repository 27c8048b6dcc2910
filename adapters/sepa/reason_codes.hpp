// The reason codes of SEPA R-transactions (rejects, refusals, returns, refunds) that reach a
// creditor in pain.002 StsRsnInf/Rsn/Cd or camt RtrInf/Rsn/Cd, in plain words for the operator
// and the member, and what each means for the member's contribution. A pure table with no
// dependencies, so the host can use it too. Sources: ISO external code sets and EPC173-14
// guidance on SDD reason codes, summarised in shared/reference/payments.md §2.3-2.4; the advice
// is the caisse's policy, not a standard.
#pragma once

#include <array>
#include <string_view>

namespace caisse::adapters::sepa {

// What the caisse does about the member's contribution after this reason.
enum class ReasonAction {
  present_again,     // a temporary problem: the contribution may be collected again next cycle
  new_bank_details,  // the account cannot be debited: the mandate is unusable until the member
                     // gives new bank details (a new mandate or an amendment)
  stop_collecting,   // no valid mandate or the member refused: stop, talk to the member
  contact_member,    // the member (or their bank) blocks it: ask before trying again
  fix_our_file,      // our file or our data is wrong: fix it, the member is not at fault
};

struct ReasonCode {
  std::string_view code;
  std::string_view explanation_en;
  std::string_view explanation_fr;
  ReasonAction action;
  std::string_view consequence_en;
  std::string_view consequence_fr;
};

inline constexpr std::array<ReasonCode, 33> kReasonCodes = {{
    {"AC01", "The account number (IBAN) is wrong or missing.",
     "Le numéro de compte (IBAN) est faux ou absent.", ReasonAction::new_bank_details,
     "Ask the member for correct bank details before the next collection.",
     "Demander au membre ses coordonnées bancaires exactes avant le prochain prélèvement."},
    {"AC04", "The account is closed.", "Le compte est clos.", ReasonAction::new_bank_details,
     "The mandate cannot be used any more: ask the member for new bank details.",
     "Le mandat n'est plus utilisable : demander au membre ses nouvelles coordonnées bancaires."},
    {"AC06", "The account is blocked, or blocked for direct debits.",
     "Le compte est bloqué, ou bloqué aux prélèvements.", ReasonAction::contact_member,
     "Contact the member; do not present it again blindly.",
     "Contacter le membre ; ne pas représenter le prélèvement sans lui avoir parlé."},
    {"AC13", "The account type does not allow this scheme (B2B debit on a personal account).",
     "Le type de compte n'accepte pas ce schéma (prélèvement B2B sur un compte de particulier).",
     ReasonAction::fix_our_file, "Collect from this member with the CORE scheme.",
     "Prélever ce membre avec le schéma CORE."},
    {"AG01", "Direct debits are not allowed on this account (a savings account, for example).",
     "Les prélèvements sont interdits sur ce compte (un livret d'épargne par exemple).",
     ReasonAction::new_bank_details, "Ask the member for the details of a current account.",
     "Demander au membre les coordonnées d'un compte courant."},
    {"AG02", "The bank operation code is wrong (a sequence type the bank did not expect).",
     "Le code opération est invalide (un type de séquence inattendu pour la banque).",
     ReasonAction::fix_our_file, "Check the FRST/RCUR sequence of this mandate.",
     "Vérifier la séquence FRST/RCUR de ce mandat."},
    {"AM04", "Insufficient funds on the member's account.",
     "Provision insuffisante sur le compte du membre.", ReasonAction::present_again,
     "The contribution stays due; it may be presented again next cycle with a new reference.",
     "La contribution reste due ; elle peut être représentée au prochain cycle avec une nouvelle "
     "référence."},
    {"AM05", "The collection is a duplicate.", "Le prélèvement est un doublon.",
     ReasonAction::fix_our_file, "Check we did not send it twice.",
     "Vérifier que nous ne l'avons pas envoyé deux fois."},
    {"AM06", "The amount is below the minimum agreed with the bank.",
     "Le montant est inférieur au minimum convenu avec la banque.", ReasonAction::fix_our_file,
     "Check the amount with the bank's agreement.",
     "Vérifier le montant avec la convention de la banque."},
    {"BE01", "The member's identification does not match the account.",
     "L'identité du membre ne correspond pas au compte.", ReasonAction::new_bank_details,
     "Check the name and IBAN with the member.", "Vérifier le nom et l'IBAN avec le membre."},
    {"BE05", "The member's bank does not recognise the caisse as creditor.",
     "La banque du membre ne reconnaît pas la caisse comme créancier.", ReasonAction::fix_our_file,
     "Check the creditor identifier (ICS) and name in our files.",
     "Vérifier l'identifiant créancier (ICS) et le nom dans nos fichiers."},
    {"CNOR", "The caisse's bank cannot be reached through the clearing system.",
     "La banque de la caisse n'est pas joignable par le système d'échange.",
     ReasonAction::fix_our_file, "Ask the caisse's bank.", "Interroger la banque de la caisse."},
    {"DNOR", "The member's bank cannot be reached through the clearing system.",
     "La banque du membre n'est pas joignable par le système d'échange.",
     ReasonAction::new_bank_details, "Ask the member for an account at another bank.",
     "Demander au membre un compte dans une autre banque."},
    {"DT01", "The date is invalid (collection date missing or not a business day).",
     "La date est invalide (date d'échéance absente ou non ouvrée).", ReasonAction::fix_our_file,
     "Fix the collection date and present it again.",
     "Corriger la date d'échéance et représenter."},
    {"DU01", "The message identifier was already used.", "L'identifiant du message a déjà servi.",
     ReasonAction::fix_our_file, "Send the file again with a new MsgId.",
     "Renvoyer le fichier avec un nouvel identifiant de message."},
    {"DUPL", "The payment is a duplicate.", "Le paiement est un doublon.",
     ReasonAction::fix_our_file, "Check we did not send it twice.",
     "Vérifier que nous ne l'avons pas envoyé deux fois."},
    {"FF01", "The file format is invalid; the whole file was refused.",
     "Le format du fichier est invalide ; tout le fichier a été refusé.",
     ReasonAction::fix_our_file, "Nothing was collected: fix the file and send it again.",
     "Rien n'a été prélevé : corriger le fichier et le renvoyer."},
    {"FOCR", "Returned after the caisse asked to cancel it.",
     "Retourné à la suite d'une demande d'annulation de la caisse.", ReasonAction::fix_our_file,
     "Our own cancellation: the contribution is not collected.",
     "Notre propre annulation : la contribution n'est pas encaissée."},
    {"MD01", "There is no mandate for this collection.",
     "Il n'y a pas de mandat pour ce prélèvement.", ReasonAction::stop_collecting,
     "Stop collecting from this member; find the signed mandate or have a new one signed.",
     "Arrêter les prélèvements ; retrouver le mandat signé ou en faire signer un nouveau."},
    {"MD02", "Mandate data are missing or wrong.",
     "Des données du mandat manquent ou sont fausses.", ReasonAction::fix_our_file,
     "Fix the mandate reference, signature date or amendment.",
     "Corriger la référence du mandat, sa date de signature ou son amendement."},
    {"MD06", "The member asked their bank for a refund (within 8 weeks).",
     "Le membre a demandé le remboursement à sa banque (dans les 8 semaines).",
     ReasonAction::contact_member,
     "The contribution is unpaid again; talk to the member before presenting it again.",
     "La contribution redevient impayée ; en parler avec le membre avant de la représenter."},
    {"MD07", "The account holder has died.", "Le titulaire du compte est décédé.",
     ReasonAction::stop_collecting, "Stop collecting; the household's membership must be reviewed.",
     "Arrêter les prélèvements ; revoir l'adhésion du foyer."},
    {"MS02", "Refused by the member (reason not given).", "Refusé par le membre (sans motif).",
     ReasonAction::stop_collecting, "Stop automatic collections and contact the member.",
     "Arrêter les prélèvements automatiques et contacter le membre."},
    {"MS03", "Refused by a bank (reason not given; often masks closed account or no funds).",
     "Refusé par une banque (sans motif ; cache souvent un compte clos ou une provision "
     "insuffisante).",
     ReasonAction::present_again, "Present it again at most once, then contact the member.",
     "Représenter au plus une fois, puis contacter le membre."},
    {"NARR", "The reason is given as text by the bank.",
     "Le motif est donné en clair par la banque.", ReasonAction::contact_member,
     "Read the bank's text before deciding.", "Lire le texte de la banque avant de décider."},
    {"RC01", "The bank identifier (BIC) is wrong.", "L'identifiant de la banque (BIC) est faux.",
     ReasonAction::fix_our_file, "Correct or remove the member's BIC (it is optional).",
     "Corriger ou retirer le BIC du membre (il est facultatif)."},
    {"RR01", "Regulatory reason: the member's account or identification is missing.",
     "Motif réglementaire : le compte ou l'identification du membre manque.",
     ReasonAction::fix_our_file, "Complete the member's data.", "Compléter les données du membre."},
    {"RR02", "Regulatory reason: the member's name or address is missing.",
     "Motif réglementaire : le nom ou l'adresse du membre manque.", ReasonAction::fix_our_file,
     "Complete the member's name or address.", "Compléter le nom ou l'adresse du membre."},
    {"RR03", "Regulatory reason: the caisse's name or address is missing.",
     "Motif réglementaire : le nom ou l'adresse de la caisse manque.", ReasonAction::fix_our_file,
     "Complete the caisse's own details.", "Compléter les coordonnées de la caisse."},
    {"RR04", "Regulatory reason (unspecified).", "Motif réglementaire (non précisé).",
     ReasonAction::contact_member, "Ask the caisse's bank what is missing.",
     "Demander à la banque de la caisse ce qui manque."},
    {"SL01", "The member's bank offers a filter that blocks this creditor.",
     "La banque du membre applique un filtre qui bloque ce créancier.",
     ReasonAction::contact_member, "Ask the member to authorise the caisse's ICS at their bank.",
     "Demander au membre d'autoriser l'ICS de la caisse auprès de sa banque."},
    {"TECH", "A technical problem at a bank (not the member's doing).",
     "Un problème technique chez une banque (le membre n'y est pour rien).",
     ReasonAction::present_again, "Present it again next cycle.", "Représenter au prochain cycle."},
    {"TM01", "Received after the bank's cut-off time.", "Reçu après l'heure limite de la banque.",
     ReasonAction::fix_our_file, "Send the file earlier; present it again next cycle.",
     "Envoyer le fichier plus tôt ; représenter au prochain cycle."},
}};

// The entry of `code` ("AC04"), or nullptr when the table does not know it.
constexpr const ReasonCode* find_reason_code(std::string_view code) {
  for (const ReasonCode& entry : kReasonCodes) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

}  // namespace caisse::adapters::sepa
