// A bank's CSV export read into statement lines, as a CsvProfile describes it. Every line the
// profile does not explicitly skip becomes one caisse::sdk::StatementEntry or an error naming
// "file:line: column X: why", line numbers counting the preamble. Built for a million lines:
// fields are views into the file, text is converted to UTF-8 into one reused entry, and
// amounts go straight from digits to integer minor units.
#pragma once

#include <caisse/sdk/payment_values.hpp>
#include <caisse/sdk/plugin.hpp>

#include <string_view>

#include "csv_profile.hpp"

namespace caisse::adapters::bankcsv {

// Calls emit(entry) for each transaction line, in file order. Throws
// caisse::sdk::StatusError(INVALID_ARGUMENT) at the first bad line; emit's own exceptions (the
// host asking to stop) pass through.
void read_statement(const CsvProfile& profile, std::string_view file_name, std::string_view content,
                    const caisse::sdk::StatementSink& emit);

}  // namespace caisse::adapters::bankcsv
