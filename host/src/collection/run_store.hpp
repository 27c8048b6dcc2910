// Reading a caisse's runs and debits back, moving a run through its states, and finding the
// debit a bank answer or a statement line is about (by EndToEndId or mandate reference): what
// the statement reconciliation needs to tell an expected debit from money that arrived.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collection/run.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::collection {

// The caisse's run of `month` with its debits ordered by household id, or nullopt.
Result<std::optional<Run>> load_run(store::PgConnection& db, std::string_view caisse_id,
                                    Month month);

// Both state changes run in one transaction on `db` (not already inside one).

// The collector wrote the run's file: the run is frozen (drafting again adds nothing). A run
// already written or submitted is returned unchanged. Errors: no run (not_found).
Result<Run> mark_file_written(store::PgConnection& db, std::string_view caisse_id, Month month);

// The file went to the bank: the run and its debits still to collect become submitted.
// Submitting again changes nothing. Errors: no run (not_found); a run whose file is not written
// yet (conflict).
Result<Run> mark_submitted(store::PgConnection& db, std::string_view caisse_id, Month month);

struct DebitRecord {
  Month month;  // of the run
  Debit debit;
};

// The debit with this EndToEndId in the caisse, or nullopt.
Result<std::optional<DebitRecord>> find_debit(store::PgConnection& db, std::string_view caisse_id,
                                              std::string_view end_to_end_id);

// Every debit presented under this mandate reference in the caisse, the latest month first.
Result<std::vector<DebitRecord>> debits_of_mandate(store::PgConnection& db,
                                                   std::string_view caisse_id,
                                                   std::string_view mandate_id);

}  // namespace caisse::host::collection
