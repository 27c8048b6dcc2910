// Drafting a month's direct-debit run: one debit per household whose contribution in force for
// the month (registry_contributions) is paid by sepa_debit with an amount above zero, when its
// mandate can be collected. The debits are stored, ids and all, before any file is written, so
// the collector writes the same file every time it is asked (run_store.hpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "collection/run.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "csv/iso_date.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::collection {

struct DraftRequest {
  Month month;
  csv::Date collection_date;  // ReqdColltnDt: the due date the members were notified of
  std::string collector;      // the collector plugin instance that will write the file
  // GrpHdr/CreDtTm of a run drafted for the first time (the caller's clock, so tests are
  // deterministic); a run already drafted keeps its own.
  std::chrono::system_clock::time_point now;
};

struct DraftedRun {
  Run run;                // as stored: every debit of the month, ordered by household id
  std::size_t added = 0;  // debits this call stored
  // Households that should be debited and are not, ordered by id: no mandate, a mandate
  // revoked, lapsed, waiting for bank details or on hold, signed after the collection date, or
  // a run already written when they became collectable. Never skipped silently.
  std::vector<CollectionProblem> problems;
};

// Drafts the caisse's run of `request.month`, in one transaction on `db` (not inside one).
// Drafting again adds the households that became collectable since, while the run's file is not
// written, and never changes a debit already stored. A debit's sequence type follows
// sequence_type.hpp; it carries the amendments of its mandate not yet told to the bank, once.
// Storing a debit counts as presenting a collection for its mandate: the first collection is
// done and the 36-month lapse clock restarts from the collection date. A mandate found lapsed
// is marked so. Errors: a run of that month already drafted for another collector or
// collection date (conflict); a database failure. Either way nothing changes.
Result<DraftedRun> draft_run(store::PgConnection& db, std::string_view caisse_id,
                             const DraftRequest& request);

}  // namespace caisse::host::collection
