// The pseudonymised transactions of a caisse (transactions.csv, see dictionary.hpp): one row per
// purchase a household of the caisse paid in the period, with the household's pseudonym, the
// merchant's id and kind, the UTC day and the amount. Never a name, an email, an IBAN or a
// registry id: nothing that would let someone outside the caisse tell who bought what.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "research/export_request.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::research {

// The CSV text, ordered by day, then pseudonym (then merchant, amount, currency, so that two
// exports of the same data are byte for byte equal). Read a month at a time, so memory holds one
// month of purchases, not the whole period. `secret` is the caisse's (pseudonym_secret.hpp).
Result<std::string> transactions_csv(store::PgConnection& db, std::string_view caisse_id,
                                     const TransactionsRequest& request, std::string_view secret);

}  // namespace caisse::host::research
