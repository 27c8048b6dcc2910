// pain.002 (Customer Payment Status Report), versions .001.03 to .001.12 (the elements read here
// have the same names in all of them): what the bank did with the transactions of a pain.008 or
// pain.001 we sent, as one event per transaction.
//
//   event_id    = "<report MsgId>/<payment_ref>": the same report imported twice gives the same
//                 ids, so the host recognises the second import;
//   payment_ref = OrgnlEndToEndId for a listed transaction, or, when a whole payment information
//                 block or message has a status and its transactions are not listed (or the
//                 status is RJCT, which covers the unlisted ones too), "pmtinf:<OrgnlPmtInfId>"
//                 or "msg:<OrgnlMsgId>": the host resolves those to the transactions it sent in
//                 that block or file;
//   state       = from TxSts, or the enclosing PmtInfSts / GrpSts when the transaction has none;
//   reason_code = the first StsRsnInf/Rsn/Cd (or Prtry) of the transaction or, failing that,
//                 of its block or group;
//   amount      = OrgnlTxRef/Amt/InstdAmt when the bank copied it, else 0 and "";
//   occurred_at = AccptncDtTm of the transaction, else the report's CreDtTm;
//   location    = "<file>: OrgnlPmtInfAndSts[1]/TxInfAndSts[2]".
// A PART status with nothing listed under it says nothing about any transaction: no event.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "payment_status.hpp"

namespace caisse::adapters::sepa {

// The SDK's payment event; payer_ref stays "": a bank report does not know the household.
using StatusEvent = caisse::sdk::PaymentEvent;

using StatusEventSink = std::function<void(const StatusEvent&)>;

// Reads the whole report first and emits only when all of it is valid: a malformed file emits
// nothing. Throws ReportFormatError "<file>:<line>: <element path>: <reason>".
void read_pain002(std::string_view file_name, std::string_view content,
                  const StatusEventSink& emit);

}  // namespace caisse::adapters::sepa
