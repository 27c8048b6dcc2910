#include "registry/household_source.hpp"

#include <algorithm>
#include <charconv>

namespace caisse::host::registry {
namespace {

std::string first_day(Month month) {
  return month.to_string() + "-01";
}

// The month's last day, as PostgreSQL computes it.
constexpr const char* kActive =
    " joined_on <= (to_date($2, 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date"
    " AND (left_on IS NULL OR left_on >= to_date($2, 'YYYY-MM-DD'))";

Result<std::uint32_t> count_of(std::string_view text) {
  std::uint32_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return make_error("registry: \"" + std::string(text) + "\" is not a count of people");
  }
  return value;
}

}  // namespace

RegistryHouseholdSource::RegistryHouseholdSource(store::PgConnection& db, std::string caisse_id)
    : db_(db), caisse_id_(std::move(caisse_id)) {}

Result<std::uint64_t> RegistryHouseholdSource::count(Month month) {
  auto counted = db_.exec_params(
      std::string("SELECT count(*) FROM registry_households WHERE caisse_id = $1 AND") + kActive,
      {caisse_id_, first_day(month)});
  if (!counted) return counted.error();
  return std::stoull(std::string(counted->get(0, 0)));
}

Result<void> RegistryHouseholdSource::for_each_batch(Month month, std::size_t batch_size,
                                                     const cycle::HouseholdBatch& batch) {
  const std::size_t limit = std::max<std::size_t>(batch_size, 1);
  const std::string sql = std::string(
                              "SELECT id, adults, children FROM registry_households"
                              " WHERE caisse_id = $1 AND") +
                          kActive + " AND id > $3 ORDER BY id LIMIT $4::bigint";
  std::string last;  // "" sorts before every id (ids are not empty)
  while (true) {
    auto rows = db_.exec_params(sql, {caisse_id_, first_day(month), last, std::to_string(limit)});
    if (!rows) return rows.error();
    if (rows->rows() == 0) return {};
    std::vector<cycle::Household> households;
    households.reserve(static_cast<std::size_t>(rows->rows()));
    for (int r = 0; r < rows->rows(); ++r) {
      auto adults = count_of(rows->get(r, 1));
      if (!adults) return adults.error();
      auto children = count_of(rows->get(r, 2));
      if (!children) return children.error();
      households.push_back({std::string(rows->get(r, 0)), *adults, *children});
    }
    last = households.back().id;
    if (auto done = batch(households); !done) return done.error();
    if (static_cast<std::size_t>(rows->rows()) < limit) return {};
  }
}

}  // namespace caisse::host::registry
