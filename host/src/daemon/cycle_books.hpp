// The registry and the ledger as the cycle sees them: households from the caisse's registry,
// money from its double-entry book, funders earmarked for running costs left out of what may be
// issued.
#pragma once

#include "daemon/cycle_service.hpp"

namespace caisse::host::daemon {

CycleBooks registry_and_ledger_books();

}  // namespace caisse::host::daemon
