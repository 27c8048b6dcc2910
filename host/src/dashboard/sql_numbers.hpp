// Reading the cells of a query's answer that every dashboard block reads: bigint counts and
// sums, and text that may be NULL. Internal to caisse_dashboard.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/pg_result.hpp"

namespace caisse::host::dashboard {

// A bigint cell (count(*), coalesce(sum(...), 0)); NULL reads as 0.
std::int64_t int64_at(const store::PgResult& rows, int row, int column);

// A text cell; nullopt for NULL.
std::optional<std::string> text_at(const store::PgResult& rows, int row, int column);

}  // namespace caisse::host::dashboard
