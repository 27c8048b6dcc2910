#include "collection/run.hpp"

#include "collection/word_table.hpp"

namespace caisse::host::collection {
namespace {

constexpr detail::WordTable<RunState, 3> kRunStates = {{
    {RunState::drafted, "drafted"},
    {RunState::file_written, "file_written"},
    {RunState::submitted, "submitted"},
}};

constexpr detail::WordTable<DebitState, 5> kDebitStates = {{
    {DebitState::to_collect, "to_collect"},
    {DebitState::submitted, "submitted"},
    {DebitState::paid, "paid"},
    {DebitState::rejected, "rejected"},
    {DebitState::returned, "returned"},
}};

}  // namespace

std::string_view to_string(RunState state) {
  return detail::word_of(kRunStates, state);
}
std::string_view to_string(DebitState state) {
  return detail::word_of(kDebitStates, state);
}

plugins::DebitBatch for_collector(const DebitBatch& batch) {
  plugins::DebitBatch out;
  out.message_id = batch.message_id;
  out.created_at = batch.created_at;
  out.collection_date = batch.collection_date;
  out.debits.assign(batch.debits.begin(), batch.debits.end());  // each sliced to plugins::Debit
  return out;
}

Result<RunState> parse_run_state(std::string_view text) {
  return detail::parse_word(kRunStates, text, "run state");
}

Result<DebitState> parse_debit_state(std::string_view text) {
  return detail::parse_word(kDebitStates, text, "debit state");
}

}  // namespace caisse::host::collection
