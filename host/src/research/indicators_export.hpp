// The aggregated indicators of a caisse (indicators.csv, see dictionary.hpp): one row per
// indicator and month (and merchant kind), small groups suppressed (suppression.hpp).
#pragma once

#include <cstdint>
#include <string>

#include "config/daemon_config.hpp"
#include "core/result.hpp"
#include "research/export_request.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::research {

Result<std::string> indicators_csv(store::PgConnection& db, const config::CaisseConfig& caisse,
                                   const MonthRange& range, std::int64_t min_group_size);

}  // namespace caisse::host::research
