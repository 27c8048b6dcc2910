// pain.008 (SEPA Direct Debit initiation), versions .001.02 and .001.08, for the caisse's monthly
// collection of contributions. One PmtInf per sequence type (the file has one collection date),
// each with its exact NbOfTxs and CtrlSum; the group header totals the file.
#pragma once

#include "caisse_account.hpp"
#include "pain_versions.hpp"
#include "payment_orders.hpp"
#include "xml_stream.hpp"

namespace caisse::adapters::sepa {

// Checks every debit, then streams the file to `sink`. Throws InvalidOrder naming the debit and
// the field, before the first byte is written. PmtInfIds are "<MsgId>-FRST", "-RCUR", "-OOFF",
// "-FNAL".
void write_pain008(const CaisseAccount& creditor, Pain008Version version, const DebitFile& file,
                   const ByteSink& sink);

}  // namespace caisse::adapters::sepa
