#include "pain_blocks.hpp"

#include "amount_text.hpp"
#include "latin_text.hpp"

namespace caisse::adapters::sepa {

void open_document(XmlStream& xml, std::string_view version_name, std::string_view root) {
  xml.open("Document", "xmlns", schema_namespace(version_name));
  xml.open(root);
}

void write_group_header(XmlStream& xml, std::string_view message_id, std::string_view created_at,
                        const Totals& totals, std::string_view initiating_party) {
  xml.open("GrpHdr");
  xml.leaf("MsgId", message_id);
  xml.leaf("CreDtTm", created_at);
  xml.leaf("NbOfTxs", std::to_string(totals.count));
  xml.leaf("CtrlSum", format_amount(totals.sum_minor));
  write_party(xml, "InitgPty", initiating_party);
  xml.close();
}

void open_payment_info(XmlStream& xml, std::string_view payment_info_id, std::string_view method,
                       bool batch_booking, const Totals& totals) {
  xml.open("PmtInf");
  xml.leaf("PmtInfId", payment_info_id);
  xml.leaf("PmtMtd", method);
  xml.leaf("BtchBookg", batch_booking ? "true" : "false");
  xml.leaf("NbOfTxs", std::to_string(totals.count));
  xml.leaf("CtrlSum", format_amount(totals.sum_minor));
  xml.open("PmtTpInf");
  xml.open("SvcLvl");
  xml.leaf("Cd", "SEPA");
  xml.close();
}

void write_party(XmlStream& xml, std::string_view element, std::string_view name) {
  xml.open(element);
  xml.leaf("Nm", name);
  xml.close();
}

void write_account(XmlStream& xml, std::string_view element, std::string_view iban) {
  xml.open(element);
  xml.open("Id");
  xml.leaf("IBAN", iban);
  xml.close();
  xml.close();
}

void write_agent(XmlStream& xml, std::string_view element, std::string_view bic, SchemaYear year) {
  xml.open(element);
  xml.open("FinInstnId");
  if (!bic.empty()) {
    xml.leaf(year == SchemaYear::y2009 ? "BIC" : "BICFI", bic);
  } else if (year == SchemaYear::y2009) {
    xml.open("Othr");
    xml.leaf("Id", "NOTPROVIDED");
    xml.close();
  }
  xml.close();
  xml.close();
}

void write_remittance(XmlStream& xml, std::string_view remittance) {
  const std::string text = fit_sepa_text(remittance, kMaxRemittanceLength);
  if (text.empty()) return;
  xml.open("RmtInf");
  xml.leaf("Ustrd", text);
  xml.close();
}

void write_amount(XmlStream& xml, std::int64_t minor) {
  xml.leaf("InstdAmt", "Ccy", "EUR", format_amount(minor));
}

}  // namespace caisse::adapters::sepa
