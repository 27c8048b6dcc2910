// A month's direct-debit run as the host stores it and as a collector plugin writes it: one
// debit per household whose contribution in force is paid by SEPA direct debit, all with ids
// fixed when the run is drafted. A Debit is the plugin boundary's plugins::Debit (what the
// pain.008 line says) plus what the host tracks; for_collector() gives the DebitBatch that
// PluginInstance hands to write_debits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "collection/sequence_type.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "plugins/payment_values.hpp"

namespace caisse::host::collection {

// drafted: debits stored, households that become collectable are added by drafting again.
// file_written: the collector wrote the file; the run is frozen. submitted: at the bank.
enum class RunState { drafted, file_written, submitted };

// to_collect: in a run not yet submitted. submitted: at the bank, no answer yet. paid: the
// money reached the caisse's account. rejected: refused before settlement, nothing moved.
// returned: given back after settlement (return, refund).
enum class DebitState { to_collect, submitted, paid, rejected, returned };

std::string_view to_string(RunState state);
std::string_view to_string(DebitState state);
Result<RunState> parse_run_state(std::string_view text);
Result<DebitState> parse_debit_state(std::string_view text);

// One debit: everything its pain.008 line says, and its fate.
struct Debit : plugins::Debit {
  std::string household_id;
  DebitState state = DebitState::to_collect;
  std::string reason_code;  // of a rejected or returned debit, else ""
};

// The file's header and its debits, ordered by household id.
struct DebitBatch {
  std::string message_id;       // GrpHdr/MsgId
  std::string created_at;       // GrpHdr/CreDtTm, UTC, "2026-11-24T10:00:00"
  std::string collection_date;  // ReqdColltnDt, YYYY-MM-DD
  std::vector<Debit> debits;
};

// What the collector plugin's write_debits receives: the same batch without the host's fields.
plugins::DebitBatch for_collector(const DebitBatch& batch);

struct Run {
  std::string caisse_id;
  Month month;
  std::string collector;  // the plugin instance that writes the file
  RunState state = RunState::drafted;
  DebitBatch batch;
};

// A household the run should debit and cannot, and why, e.g.
//   mandate "RUM-7" is revoked (MD01): the member must sign a new mandate
struct CollectionProblem {
  std::string household_id;
  std::string message;
};

}  // namespace caisse::host::collection
