// camt.053 (bank to customer statement) and camt.054 (debit/credit notification), versions
// .001.02 to .001.08, read into statement lines.
//
// One line per transaction detail (Ntry/NtryDtls/TxDtls) of each booked entry, or one per entry
// when it has no details. The lines of an entry always add up to what the entry booked:
//   - an entry with one detail gives the entry's amount to it (a detail's own Amt may be the
//     instructed amount, in another currency);
//   - a batch entry with several details gives each its own amount (TxDtls/Amt in .08, else
//     TxDtls/AmtDtls/TxAmt/Amt); when one of them has none, the entry cannot be split and is
//     read as one line, without the details' references;
//   - the sign is the entry's CdtDbtInd: the entry says which way the money moved on the
//     account (genkgo/camt reads camt054.v8.xml's CRDT details inside a DBIT entry the same way).
// Entries not booked (Sts PDNG, INFO, FUTR) are skipped, and so are lines of amount zero (the
// host takes none). A reversal (RvslInd) is read as the movement its CdtDbtInd says; its reason
// comes from RtrInf/Rsn like any return.
// Amounts are exact: "8.850" EUR is 885 (trailing zeros beyond the currency's decimals are
// accepted, as camt053.v2.five.decimals.xml needs), "8.855" EUR is an error naming the element.
#pragma once

#include <caisse/sdk/payment_values.hpp>
#include <caisse/sdk/plugin.hpp>

#include <string_view>

namespace caisse::adapters::camt {

// Calls emit(entry) for each line, in document order. Throws caisse::sdk::StatusError
// (INVALID_ARGUMENT) "file:LINE: Stmt[1]/Ntry[2]/Amt: why" for a document that is not a camt.053
// or camt.054, or is malformed; emit's own exceptions pass through.
void read_camt(std::string_view file_name, std::string_view content,
               const caisse::sdk::StatementSink& emit);

}  // namespace caisse::adapters::camt
