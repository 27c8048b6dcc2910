// The pieces pain.008 and pain.001 write alike: the group header, a party, an account, a bank
// (agent), the head of a payment information block and the remittance line.
#pragma once

#include <string_view>

#include "order_checks.hpp"
#include "pain_versions.hpp"
#include "xml_stream.hpp"

namespace caisse::adapters::sepa {

// <Document xmlns="urn:...:<version>"><root>: closed by XmlStream::finish.
void open_document(XmlStream& xml, std::string_view version_name, std::string_view root);

// GrpHdr: MsgId, CreDtTm, NbOfTxs, CtrlSum, InitgPty/Nm.
void write_group_header(XmlStream& xml, std::string_view message_id, std::string_view created_at,
                        const Totals& totals, std::string_view initiating_party);

// PmtInfId, PmtMtd, BtchBookg, NbOfTxs, CtrlSum, then PmtTpInf/SvcLvl/Cd "SEPA" left open for
// what the message adds to it (LclInstrm, SeqTp); the caller closes PmtTpInf.
void open_payment_info(XmlStream& xml, std::string_view payment_info_id, std::string_view method,
                       bool batch_booking, const Totals& totals);

// <element><Nm>name</Nm></element>.
void write_party(XmlStream& xml, std::string_view element, std::string_view name);

// <element><Id><IBAN>iban</IBAN></Id></element>.
void write_account(XmlStream& xml, std::string_view element, std::string_view iban);

// <element><FinInstnId>...</FinInstnId></element> for a bank known by `bic`. An unknown bank
// ("" BIC) is <Othr><Id>NOTPROVIDED</Id></Othr> in the 2009 schemas (EPC implementation guide:
// the element is mandatory there) and an empty FinInstnId in the 2019 ones, where every child
// is optional.
void write_agent(XmlStream& xml, std::string_view element, std::string_view bic, SchemaYear year);

// <RmtInf><Ustrd>...</Ustrd></RmtInf>, in the SEPA set and cut to 140; nothing when empty.
void write_remittance(XmlStream& xml, std::string_view remittance);

// <InstdAmt Ccy="EUR">12.34</InstdAmt>.
void write_amount(XmlStream& xml, std::int64_t minor);

}  // namespace caisse::adapters::sepa
