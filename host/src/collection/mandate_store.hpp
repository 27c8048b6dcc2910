// Reading households' mandates from collection_mandates and changing their status: revoked or
// reinstated by the operator, or moved by the bank's answers (reason_codes.hpp) and by the
// lapse the drafting of a run finds.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collection/mandate.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_result.hpp"

namespace caisse::host::collection {

// The columns read_mandate() reads, in its order, for "SELECT <kMandateColumns> FROM
// collection_mandates m".
extern const char* const kMandateColumns;

// The mandate in row `row` of a result selecting kMandateColumns from column `first` on.
Result<Mandate> read_mandate(const store::PgResult& rows, int row, int first = 0);

// The mandates of `household_ids` in the caisse, by household id (those without one absent).
Result<std::map<std::string, Mandate>> mandates_of(store::PgConnection& db,
                                                   std::string_view caisse_id,
                                                   const std::vector<std::string>& household_ids);

// The household's mandate, or an ErrorKind::not_found error naming the household.
Result<Mandate> mandate_of(store::PgConnection& db, std::string_view caisse_id,
                           std::string_view household_id);

// Sets the status of the household's mandate and its reason ("AC04", "operator"; "" for none).
Result<void> set_mandate_status(store::PgConnection& db, std::string_view caisse_id,
                                std::string_view household_id, MandateStatus status,
                                std::string_view reason);

// The operator revokes the household's mandate (the member asked, the household left): it is
// never collected again; a new mandate (new reference and signature date) replaces it.
// Revoking a revoked mandate changes nothing. Errors: no mandate (not_found).
Result<Mandate> revoke_mandate(store::PgConnection& db, std::string_view caisse_id,
                               std::string_view household_id);

// The operator makes a mandate on hold or waiting for bank details collectable again (the
// member agreed, the account was reopened). Reinstating an active mandate changes nothing.
// Errors: no mandate (not_found); a revoked or lapsed one (conflict: a new mandate is needed).
Result<Mandate> reinstate_mandate(store::PgConnection& db, std::string_view caisse_id,
                                  std::string_view household_id);

}  // namespace caisse::host::collection
