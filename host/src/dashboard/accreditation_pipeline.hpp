// Where the caisse's merchants stand with the committee on a day (docs/conventionnement.md): how
// many in each standing of merchant_standings() (the one definition the merchants list and the
// payment gate use), and the accredited merchants whose re-evaluation date has passed, the
// committee's to-do list.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "ledger/date.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::dashboard {

// Every standing merchant_standings() gives (migration 0013), in the pipeline's order.
inline constexpr std::array<std::string_view, 5> kStandings = {"not_accredited", "accredited",
                                                               "suspended", "refused", "expired"};

struct OverdueMerchant {
  std::string merchant_id;
  std::string name;
  std::string kind;
  std::string next_evaluation_on;  // YYYY-MM-DD, before today
  std::int64_t days_overdue = 0;   // >= 1
};

struct AccreditationPipeline {
  // One entry per kStandings, in that order, 0 when no merchant has it.
  std::vector<std::pair<std::string, std::int64_t>> by_status;
  std::vector<OverdueMerchant> overdue;  // most overdue first, then by merchant id
};

Result<AccreditationPipeline> accreditation_pipeline(store::PgConnection& db,
                                                     std::string_view caisse_id,
                                                     ledger::Date today);

}  // namespace caisse::host::dashboard
