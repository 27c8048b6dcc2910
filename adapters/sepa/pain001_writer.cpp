#include "pain001_writer.hpp"

#include "latin_text.hpp"
#include "order_checks.hpp"
#include "pain_blocks.hpp"
#include "sepa_errors.hpp"

namespace caisse::adapters::sepa {
namespace {

void check_transfer(const CreditTransfer& transfer, const OrderLine& line) {
  line.check_reference("end_to_end_id", transfer.end_to_end_id, SpaceRule::allowed);
  line.name("creditor_name", transfer.creditor_name);
  line.check_iban("creditor_iban", transfer.creditor_iban);
  line.check_optional_bic("creditor_bic", transfer.creditor_bic);
  line.check_amount(transfer.amount.minor, transfer.amount.currency);
}

void write_transfer(XmlStream& xml, const CreditTransfer& transfer, SchemaYear year) {
  xml.open("CdtTrfTxInf");
  xml.open("PmtId");
  xml.leaf("EndToEndId", transfer.end_to_end_id);
  xml.close();
  xml.open("Amt");
  write_amount(xml, transfer.amount.minor);
  xml.close();
  // CdtrAgt is optional in both versions: an IBAN-only transfer simply has none.
  if (!transfer.creditor_bic.empty()) write_agent(xml, "CdtrAgt", transfer.creditor_bic, year);
  write_party(xml, "Cdtr", fit_sepa_text(transfer.creditor_name, kMaxNameLength));
  write_account(xml, "CdtrAcct", transfer.creditor_iban);
  write_remittance(xml, transfer.remittance);
  xml.close();
}

}  // namespace

void write_pain001(const CaisseAccount& debtor, Pain001Version version, const TransferFile& file,
                   const ByteSink& sink) {
  check_file_header(file.message_id, file.created_at, "execution_date", file.execution_date);
  if (file.transfers.empty()) throw InvalidOrder("transfers: a file needs at least one transfer");

  Totals totals;
  UniqueEndToEndIds ids;
  for (std::size_t i = 0; i < file.transfers.size(); ++i) {
    const CreditTransfer& transfer = file.transfers[i];
    const OrderLine line("transfers", i, transfer.end_to_end_id);
    check_transfer(transfer, line);
    ids.add(line, transfer.end_to_end_id);
    totals.add(transfer.amount.minor);
  }

  const SchemaYear year = schema_year(version);
  XmlStream xml(sink);
  open_document(xml, version_name(version), "CstmrCdtTrfInitn");
  write_group_header(xml, file.message_id, file.created_at, totals, debtor.name);
  open_payment_info(xml, std::string(file.message_id) + "-TRF", "TRF", debtor.batch_booking,
                    totals);
  xml.close();  // PmtTpInf
  if (year == SchemaYear::y2009) {
    xml.leaf("ReqdExctnDt", file.execution_date);
  } else {
    // The 2019 versions make the execution date a choice of a date or a date-time.
    xml.open("ReqdExctnDt");
    xml.leaf("Dt", file.execution_date);
    xml.close();
  }
  write_party(xml, "Dbtr", debtor.name);
  write_account(xml, "DbtrAcct", debtor.iban);
  write_agent(xml, "DbtrAgt", debtor.bic, year);
  xml.leaf("ChrgBr", "SLEV");
  for (const CreditTransfer& transfer : file.transfers) write_transfer(xml, transfer, year);
  xml.finish();
}

}  // namespace caisse::adapters::sepa
