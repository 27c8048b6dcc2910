// What the host asks this library to put into bank files: the SDK's own debits (pain.008) and
// transfers (pain.001), under the names the SEPA files use. Views, valid during the write.
#pragma once

#include <caisse/sdk/payment_values.hpp>

namespace caisse::adapters::sepa {

using Sequence = caisse::sdk::SequenceType;  // SeqTp: FRST RCUR OOFF FNAL
using DirectDebit = caisse::sdk::Debit;
using DebitFile = caisse::sdk::DebitBatch;
using CreditTransfer = caisse::sdk::Transfer;
using TransferFile = caisse::sdk::TransferBatch;

}  // namespace caisse::adapters::sepa
