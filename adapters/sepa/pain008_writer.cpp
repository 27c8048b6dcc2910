#include "pain008_writer.hpp"

#include <array>

#include "iso_dates.hpp"
#include "latin_text.hpp"
#include "order_checks.hpp"
#include "pain_blocks.hpp"
#include "sepa_errors.hpp"

namespace caisse::adapters::sepa {
namespace {

// The order PmtInf blocks appear in; a file holds only those that have debits.
constexpr std::array kSequences = {Sequence::first, Sequence::recurring, Sequence::one_off,
                                   Sequence::final};

std::string_view sequence_code(Sequence sequence) {
  switch (sequence) {
    case Sequence::first:
      return "FRST";
    case Sequence::recurring:
      return "RCUR";
    case Sequence::one_off:
      return "OOFF";
    case Sequence::final:
      return "FNAL";
  }
  return "";
}

std::size_t sequence_slot(Sequence sequence) {
  return static_cast<std::size_t>(sequence) - 1;
}

void check_debit(const DirectDebit& debit, const OrderLine& line,
                 std::string_view collection_date) {
  line.check_reference("end_to_end_id", debit.end_to_end_id, SpaceRule::allowed);
  line.check_reference("mandate_id", debit.mandate_id, SpaceRule::refused);
  if (!is_iso_date(debit.mandate_signed_on)) {
    line.fail("mandate_signed_on", "not a date (YYYY-MM-DD)");
  }
  // ISO dates compare as text; a mandate signed after the collection cannot authorise it.
  if (debit.mandate_signed_on > collection_date) {
    line.fail("mandate_signed_on", "after the collection date " + std::string(collection_date));
  }
  if (sequence_code(debit.sequence).empty()) line.fail("sequence", "not FRST, RCUR, OOFF or FNAL");
  line.name("debtor_name", debit.debtor_name);
  line.check_iban("debtor_iban", debit.debtor_iban);
  line.check_optional_bic("debtor_bic", debit.debtor_bic);
  line.check_amount(debit.amount.minor, debit.amount.currency);
  if (!debit.amended_mandate_id.empty()) {
    line.check_reference("amended_mandate_id", debit.amended_mandate_id, SpaceRule::refused);
    if (debit.amended_mandate_id == debit.mandate_id) {
      line.fail("amended_mandate_id", "the same as mandate_id: nothing was amended");
    }
  }
  if (!debit.amended_debtor_iban.empty()) {
    line.check_iban("amended_debtor_iban", debit.amended_debtor_iban);
    if (debit.amended_debtor_iban == debit.debtor_iban) {
      line.fail("amended_debtor_iban", "the same as debtor_iban: nothing was amended");
    }
  }
}

void write_mandate(XmlStream& xml, const DirectDebit& debit) {
  const bool amended = !debit.amended_mandate_id.empty() || !debit.amended_debtor_iban.empty();
  xml.open("DrctDbtTx");
  xml.open("MndtRltdInf");
  xml.leaf("MndtId", debit.mandate_id);
  xml.leaf("DtOfSgntr", debit.mandate_signed_on);
  xml.leaf("AmdmntInd", amended ? "true" : "false");
  if (amended) {
    xml.open("AmdmntInfDtls");
    if (!debit.amended_mandate_id.empty()) xml.leaf("OrgnlMndtId", debit.amended_mandate_id);
    if (!debit.amended_debtor_iban.empty()) {
      // Since the November 2016 rulebook "SMNDA" (same mandate, new debtor account) stands for
      // any change of account; the old IBAN itself is not sent.
      xml.open("OrgnlDbtrAcct");
      xml.open("Id");
      xml.open("Othr");
      xml.leaf("Id", "SMNDA");
      xml.close();
      xml.close();
      xml.close();
    }
    xml.close();
  }
  xml.close();
  xml.close();
}

void write_debit(XmlStream& xml, const DirectDebit& debit, SchemaYear year) {
  xml.open("DrctDbtTxInf");
  xml.open("PmtId");
  xml.leaf("EndToEndId", debit.end_to_end_id);
  xml.close();
  write_amount(xml, debit.amount.minor);
  write_mandate(xml, debit);
  write_agent(xml, "DbtrAgt", debit.debtor_bic, year);
  write_party(xml, "Dbtr", fit_sepa_text(debit.debtor_name, kMaxNameLength));
  write_account(xml, "DbtrAcct", debit.debtor_iban);
  write_remittance(xml, debit.remittance);
  xml.close();
}

void write_creditor_scheme_id(XmlStream& xml, std::string_view creditor_id) {
  xml.open("CdtrSchmeId");
  xml.open("Id");
  xml.open("PrvtId");
  xml.open("Othr");
  xml.leaf("Id", creditor_id);
  xml.open("SchmeNm");
  xml.leaf("Prtry", "SEPA");
  xml.close();
  xml.close();
  xml.close();
  xml.close();
  xml.close();
}

}  // namespace

void write_pain008(const CaisseAccount& creditor, Pain008Version version, const DebitFile& file,
                   const ByteSink& sink) {
  if (creditor.creditor_id.empty()) {
    throw InvalidOrder("creditor_id: a direct debit file needs the caisse's creditor identifier");
  }
  check_file_header(file.message_id, file.created_at, "collection_date", file.collection_date);
  if (file.debits.empty()) throw InvalidOrder("debits: a file needs at least one debit");

  Totals total;
  std::array<Totals, kSequences.size()> per_sequence{};
  UniqueEndToEndIds ids;
  for (std::size_t i = 0; i < file.debits.size(); ++i) {
    const DirectDebit& debit = file.debits[i];
    const OrderLine line("debits", i, debit.end_to_end_id);
    check_debit(debit, line, file.collection_date);
    ids.add(line, debit.end_to_end_id);
    total.add(debit.amount.minor);
    per_sequence[sequence_slot(debit.sequence)].add(debit.amount.minor);
  }

  const SchemaYear year = schema_year(version);
  XmlStream xml(sink);
  open_document(xml, version_name(version), "CstmrDrctDbtInitn");
  write_group_header(xml, file.message_id, file.created_at, total, creditor.name);
  for (const Sequence sequence : kSequences) {
    const Totals& totals = per_sequence[sequence_slot(sequence)];
    if (totals.count == 0) continue;
    const std::string payment_info_id =
        std::string(file.message_id) + "-" + std::string(sequence_code(sequence));
    open_payment_info(xml, payment_info_id, "DD", creditor.batch_booking, totals);
    xml.open("LclInstrm");
    xml.leaf("Cd", creditor.instrument == LocalInstrument::b2b ? "B2B" : "CORE");
    xml.close();
    xml.leaf("SeqTp", sequence_code(sequence));
    xml.close();  // PmtTpInf
    xml.leaf("ReqdColltnDt", file.collection_date);
    write_party(xml, "Cdtr", creditor.name);
    write_account(xml, "CdtrAcct", creditor.iban);
    write_agent(xml, "CdtrAgt", creditor.bic, year);
    xml.leaf("ChrgBr", "SLEV");
    write_creditor_scheme_id(xml, creditor.creditor_id);
    for (const DirectDebit& debit : file.debits) {
      if (debit.sequence == sequence) write_debit(xml, debit, year);
    }
    xml.close();  // PmtInf
  }
  xml.finish();
}

}  // namespace caisse::adapters::sepa
