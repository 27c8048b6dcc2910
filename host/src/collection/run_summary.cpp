#include "collection/run_summary.hpp"

#include "collection/reason_codes.hpp"
#include "collection/run_store.hpp"

namespace caisse::host::collection {

Result<std::optional<RunSummary>> run_summary(store::PgConnection& db, std::string_view caisse_id,
                                              Month month) {
  auto run = load_run(db, caisse_id, month);
  if (!run) return run.error();
  if (!*run) return std::optional<RunSummary>();
  RunSummary summary;
  summary.month = month;
  summary.collector = (*run)->collector;
  summary.state = (*run)->state;
  summary.message_id = (*run)->batch.message_id;
  summary.collection_date = (*run)->batch.collection_date;
  // DebitState counts from 0 in the order by_state lists them.
  for (std::size_t s = 0; s < summary.by_state.size(); ++s) {
    summary.by_state[s].state = static_cast<DebitState>(s);
  }
  for (const Debit& debit : (*run)->batch.debits) {
    StateTotal& total = summary.by_state[static_cast<std::size_t>(debit.state)];
    ++total.count;
    total.amount_minor += debit.amount.minor;
    ++summary.debits;
    summary.amount_minor += debit.amount.minor;
    if (debit.state != DebitState::rejected && debit.state != DebitState::returned) continue;
    const ReasonWords words = reason_words(debit.reason_code);
    summary.unpaid.push_back({debit.household_id, debit.end_to_end_id, debit.mandate_id,
                              debit.amount.minor, debit.state, debit.reason_code,
                              std::string(words.english), std::string(words.french),
                              words.may_present_again});
  }
  return std::optional<RunSummary>(std::move(summary));
}

}  // namespace caisse::host::collection
