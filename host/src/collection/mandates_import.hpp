// mandates.csv: the SEPA mandates households signed, one per household, imported as strictly as
// the registry's files (docs/registry.md): every problem is reported with its line and column,
// a file with any problem changes nothing, and importing the same file again changes nothing.
//
//   mandate_id,household_id,name,iban,bic,signed_on[,type]
//   RUM-0001,H-0001,Camille Martin,FR76 3000 6000 0112 3456 7890 189,AGRIFRPP882,2026-01-10
//
// mandate_id is the reference (RUM): 1 to 35 of A-Z a-z 0-9 + ? / - : ( ) . , ' without space,
// unique in the caisse and never reused by another household. name is the account holder
// (1 to 70 characters, the EPC limit). iban is checked (country, length, check digits); bic may
// be empty (IBAN-only). The optional type column is recurrent (the default for a new mandate)
// or one_off; a file without it leaves each mandate's type as it is.
//
// For a household that already has a mandate, a row with
//   * the same reference, signature date and IBAN updates the name or BIC, if they changed;
//   * the same signature date and another reference or IBAN is an amendment: recorded, and
//     told to the bank in the household's next debit. A new IBAN makes a mandate waiting for
//     bank details (AC04) collectable again;
//   * another reference and another signature date is a new mandate replacing the old one: it
//     starts over (FRST), and a revoked or lapsed household is collectable again;
//   * the same reference with another signature date is refused (a signature date never
//     changes), and so is amending a revoked or lapsed mandate (it needs a new one).
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::collection {

struct MandateImportReport {
  std::size_t file_lines = 0;  // records in the file, header excluded
  std::size_t inserted = 0;    // households that had no mandate
  std::size_t updated = 0;     // name or BIC changed
  std::size_t amended = 0;     // reference or IBAN changed under the same signature
  std::size_t replaced = 0;    // a new mandate replaced the household's previous one
  std::size_t unchanged = 0;
};

// Imports one file into the caisse's mandates, in one transaction on `db` (not already inside
// one). `file_name` only names the file in errors. Errors: bad input, one ErrorKind::invalid
// error listing every problem, one per line ("mandates.csv:4: column iban: ..."), names and
// IBANs never quoted; a database failure as the store reports it. Either way nothing changes.
Result<MandateImportReport> import_mandates(store::PgConnection& db, std::string_view caisse_id,
                                            std::string_view file_name, std::string_view bytes);

}  // namespace caisse::host::collection
