// SEPA direct debit of members' contributions: one include for all of it.
//
// The month, for the daemon and caissectl:
//   import_mandates()        mandates.csv into the caisse (mandates_import.hpp)
//   draft_run()              the month's debits, stored with their ids (run_draft.hpp)
//   load_run()               the stored batch, for the collector plugin's write_debits
//   mark_file_written()      after write_debits succeeded; the run is frozen
//   mark_submitted()         after the file went to the bank
//   apply_events()           pain.002 rejects and statement returns (payment_events.hpp)
//   run_summary()            where the run stands (run_summary.hpp)
//   revoke_mandate(), reinstate_mandate()  the operator's word (mandate_store.hpp)
//   find_debit(), debits_of_mandate()      for the statement reconciliation (run_store.hpp)
#pragma once

#include "collection/mandate.hpp"
#include "collection/mandate_store.hpp"
#include "collection/mandates_import.hpp"
#include "collection/payment_events.hpp"
#include "collection/reason_codes.hpp"
#include "collection/run.hpp"
#include "collection/run_draft.hpp"
#include "collection/run_store.hpp"
#include "collection/run_summary.hpp"
#include "collection/sequence_type.hpp"
