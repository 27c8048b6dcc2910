// The data dictionary of the research exports: every column of each file with its type, unit and
// meaning, in French first and in English. The exports take their headers from here, so the
// dictionary cannot drift from what the files hold.
#pragma once

#include <string>
#include <vector>

namespace caisse::host::research {

enum class ExportFile { transactions, indicators };

// "transactions.csv", "indicators.csv": the file names the dictionary and the answers use.
const char* export_file_name(ExportFile file);

// The header of `file`, in order.
std::vector<std::string> export_columns(ExportFile file);

// file,column,type,unit,description_fr,description_en: one row per column of each export, then
// one row per indicator (column "indicator:<name>") saying what it counts.
std::string dictionary_csv();

}  // namespace caisse::host::research
