// contributions.csv: household_id, amount, method, lock_in_months, from. One version of a
// household's commitment per starting month; versions are never overwritten, so a change is a
// row from a later month, and it must not fall inside the lock-in of the version before it.
#include <algorithm>
#include <map>

#include "core/month.hpp"
#include "money/money.hpp"
#include "registry/formats.hpp"
#include "registry/import_support.hpp"
#include "store/text_array.hpp"

namespace caisse::host::registry::detail {
namespace {

struct Version {
  std::size_t line = 0;  // 0 for a version already recorded
  std::string household_id;
  Month from;
  std::int64_t amount_minor = 0;
  std::string method;
  std::int64_t lock_in_months = 0;

  bool same_terms(const Version& other) const {
    return amount_minor == other.amount_minor && method == other.method &&
           lock_in_months == other.lock_in_months;
  }
  std::string terms() const {
    return money::format_decimal(amount_minor, format::kEuroMinorUnit) + " EUR, " + method +
           ", lock-in " + std::to_string(lock_in_months) + " months";
  }
};

Month plus_months(Month month, std::int64_t months) {
  const std::int64_t index =
      static_cast<std::int64_t>(month.year) * 12 + (month.month - 1) + months;
  return Month{static_cast<int>(index / 12), static_cast<int>(index % 12) + 1};
}

std::optional<Version> read_row(const csv::Record& record, Problems& problems) {
  auto household = problems.take(identifier(record, "household_id"));
  auto amount = problems.take(euro_amount(record, "amount", 0));
  auto method = problems.take(one_of(record, "method", format::kMethods));
  auto lock_in =
      problems.take(bounded_number(record, "lock_in_months", 0, format::kMaxLockInMonths));
  auto from = problems.take(record.month("from"));
  if (!household || !amount || !method || !lock_in || !from) return std::nullopt;
  // value_or: g++ 12 at -O2 wrongly sees the checked optionals as maybe uninitialized.
  return Version{record.line(),      *household, *from,
                 amount.value_or(0), *method,    lock_in.value_or(0)};
}

}  // namespace

Result<ImportReport> import_contributions(store::PgConnection& db,
                                          const config::CaisseConfig& caisse,
                                          const csv::Table& table) {
  const std::string& file = table.header->file;
  auto at = [&](const Version& v, std::string_view column) {
    return file + ":" + std::to_string(v.line) + ": column " + std::string(column) + ": ";
  };

  Problems problems;
  std::vector<Version> rows;
  std::map<std::string, std::size_t> first_line;  // "household_id from"
  References households("registry_households", "household_id", "household",
                        "import the households first");
  for (const auto& record : table.records) {
    households.note(record);
    bool fresh = true;
    if (!record.text("household_id").empty() && !record.text("from").empty()) {
      const std::string key =
          std::string(record.text("household_id")) + " " + std::string(record.text("from"));
      auto [seen, first] = first_line.emplace(key, record.line());
      if (!first) {
        problems.add(
            record.error("from", "household \"" + std::string(record.text("household_id")) +
                                     "\" from " + std::string(record.text("from")) +
                                     " already appears on line " + std::to_string(seen->second)));
        fresh = false;
      }
    }
    auto row = read_row(record, problems);
    if (row && fresh) rows.push_back(std::move(*row));
  }
  auto known = households.check(db, caisse.id, table, problems);
  if (!known) return known.error();
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.household_id);

  // The versions already recorded for the households of the file.
  std::map<std::string, std::vector<Version>> history;
  if (!ids.empty()) {
    auto recorded = db.exec_params(
        "SELECT household_id, from_month, amount_minor, method, lock_in_months"
        "  FROM registry_contributions WHERE caisse_id = $1 AND household_id = ANY($2::text[])",
        {caisse.id, store::text_array(ids)});
    if (!recorded) return recorded.error();
    for (int r = 0; r < recorded->rows(); ++r) {
      auto from = parse_month(recorded->get(r, 1));
      if (!from) return from.error();
      Version v{0,
                std::string(recorded->get(r, 0)),
                *from,
                std::stoll(std::string(recorded->get(r, 2))),
                std::string(recorded->get(r, 3)),
                std::stoll(std::string(recorded->get(r, 4)))};
      history[v.household_id].push_back(std::move(v));
    }
  }

  ImportReport report{ImportKind::contributions};
  std::vector<const Version*> to_insert;
  for (const auto& row : rows) {
    if (known->count(row.household_id) == 0) continue;  // reported above
    auto& versions = history[row.household_id];
    auto same = std::find_if(versions.begin(), versions.end(),
                             [&](const Version& v) { return v.from == row.from; });
    if (same != versions.end()) {
      if (same->same_terms(row)) {
        ++report.unchanged;
      } else {
        problems.add(at(row, "from") + "household \"" + row.household_id +
                     "\" already has a "
                     "commitment from " +
                     row.from.to_string() + " (" + same->terms() +
                     "); recorded versions are kept as they are: write the change as a new row "
                     "from a later month");
      }
      continue;
    }
    versions.push_back(row);
    to_insert.push_back(&row);
  }

  // Lock-in: within each household's history, a version cannot start before the one before it
  // has run for its lock-in months. Only pairs involving a new row are checked (recorded pairs
  // passed this check when they came in).
  for (auto& [household, versions] : history) {
    std::sort(versions.begin(), versions.end(),
              [](const Version& a, const Version& b) { return a.from < b.from; });
    for (std::size_t i = 1; i < versions.size(); ++i) {
      const Version& before = versions[i - 1];
      const Version& after = versions[i];
      if (before.line == 0 && after.line == 0) continue;
      const Month earliest = plus_months(before.from, before.lock_in_months);
      if (after.from >= earliest) continue;
      const Version& reported = after.line != 0 ? after : before;
      problems.add(at(reported, "from") + "household \"" + household + "\" committed from " +
                   before.from.to_string() + " for " + std::to_string(before.lock_in_months) +
                   " months (lock-in); the change from " + after.from.to_string() +
                   " can start in " + earliest.to_string() + " at the earliest");
    }
  }
  if (!problems.empty()) return problems.error();

  for (const Version* row : to_insert) {
    auto done = db.exec_params(
        "INSERT INTO registry_contributions"
        "    (caisse_id, household_id, from_month, amount_minor, method, lock_in_months)"
        " VALUES ($1, $2, $3, $4::bigint, $5, $6::integer)",
        {caisse.id, row->household_id, row->from.to_string(), std::to_string(row->amount_minor),
         row->method, std::to_string(row->lock_in_months)});
    if (!done) return done.error();
    ++report.inserted;
  }
  return report;
}

}  // namespace caisse::host::registry::detail
