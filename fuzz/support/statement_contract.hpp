// What the SDK promises about a statement line (caisse/sdk/payment_values.hpp), checked on every
// line a statement parser emits: a parser that accepts a file must hand the host lines it can
// store, not text in the shape of a date.
#pragma once

#include <caisse/sdk/payment_values.hpp>

namespace caisse::fuzz {

// Aborts, printing the line's location and the broken promise, when booking_date is not a
// calendar date YYYY-MM-DD, value_date is neither "" nor one, currency is not three capital
// letters or location is empty.
void check_statement_entry(const caisse::sdk::StatementEntry& entry);

}  // namespace caisse::fuzz
