// pain.001 (SEPA Credit Transfer initiation), versions .001.03 and .001.09, for paying merchants
// the euros of their reconverted food currency. One PmtInf (one execution date), PmtInfId
// "<MsgId>-TRF".
#pragma once

#include "caisse_account.hpp"
#include "pain_versions.hpp"
#include "payment_orders.hpp"
#include "xml_stream.hpp"

namespace caisse::adapters::sepa {

// Checks every transfer, then streams the file to `sink`. Throws InvalidOrder naming the
// transfer and the field, before the first byte is written.
void write_pain001(const CaisseAccount& debtor, Pain001Version version, const TransferFile& file,
                   const ByteSink& sink);

}  // namespace caisse::adapters::sepa
