#include "collection/mandate_store.hpp"

#include "store/text_array.hpp"

namespace caisse::host::collection {
namespace {

Result<csv::Date> date_at(const store::PgResult& rows, int row, int column) {
  return csv::parse_date(rows.get(row, column));
}

}  // namespace

const char* const kMandateColumns =
    "m.household_id, m.mandate_id, m.kind, m.status, coalesce(m.status_reason, ''),"
    " m.debtor_name, m.iban, coalesce(m.bic, ''), m.signed_on, m.last_collected_on,"
    " m.first_collection_done";

Result<Mandate> read_mandate(const store::PgResult& rows, int row, int first) {
  Mandate m;
  m.household_id = rows.get(row, first);
  m.mandate_id = rows.get(row, first + 1);
  auto kind = parse_mandate_kind(rows.get(row, first + 2));
  if (!kind) return kind.error();
  m.kind = *kind;
  auto status = parse_mandate_status(rows.get(row, first + 3));
  if (!status) return status.error();
  m.status = *status;
  m.status_reason = rows.get(row, first + 4);
  m.debtor_name = rows.get(row, first + 5);
  m.iban = rows.get(row, first + 6);
  m.bic = rows.get(row, first + 7);
  auto signed_on = date_at(rows, row, first + 8);
  if (!signed_on) return signed_on.error();
  m.signed_on = *signed_on;
  if (!rows.is_null(row, first + 9)) {
    auto last = date_at(rows, row, first + 9);
    if (!last) return last.error();
    m.last_collected_on = *last;
  }
  m.first_collection_done = rows.get(row, first + 10) == "t";
  return m;
}

Result<std::map<std::string, Mandate>> mandates_of(store::PgConnection& db,
                                                   std::string_view caisse_id,
                                                   const std::vector<std::string>& household_ids) {
  std::map<std::string, Mandate> found;
  if (household_ids.empty()) return found;
  auto rows = db.exec_params(std::string("SELECT ") + kMandateColumns +
                                 " FROM collection_mandates m WHERE m.caisse_id = $1"
                                 " AND m.household_id = ANY($2::text[])",
                             {std::string(caisse_id), store::text_array(household_ids)});
  if (!rows) return rows.error();
  for (int r = 0; r < rows->rows(); ++r) {
    auto mandate = read_mandate(*rows, r);
    if (!mandate) return mandate.error();
    found.emplace(mandate->household_id, std::move(mandate.value()));
  }
  return found;
}

Result<Mandate> mandate_of(store::PgConnection& db, std::string_view caisse_id,
                           std::string_view household_id) {
  auto found = mandates_of(db, caisse_id, {std::string(household_id)});
  if (!found) return found.error();
  if (found->empty()) {
    return make_error("household \"" + std::string(household_id) + "\" of caisse " +
                          std::string(caisse_id) + " has no mandate",
                      ErrorKind::not_found);
  }
  return std::move(found->begin()->second);
}

Result<void> set_mandate_status(store::PgConnection& db, std::string_view caisse_id,
                                std::string_view household_id, MandateStatus status,
                                std::string_view reason) {
  auto done = db.exec_params(
      "UPDATE collection_mandates SET status = $3, status_reason = NULLIF($4, ''),"
      " updated_at = now() WHERE caisse_id = $1 AND household_id = $2",
      {std::string(caisse_id), std::string(household_id), std::string(to_string(status)),
       std::string(reason)});
  if (!done) return done.error();
  return {};
}

Result<Mandate> revoke_mandate(store::PgConnection& db, std::string_view caisse_id,
                               std::string_view household_id) {
  auto mandate = mandate_of(db, caisse_id, household_id);
  if (!mandate || mandate->status == MandateStatus::revoked) return mandate;
  if (auto set =
          set_mandate_status(db, caisse_id, household_id, MandateStatus::revoked, "operator");
      !set) {
    return set.error();
  }
  return mandate_of(db, caisse_id, household_id);
}

Result<Mandate> reinstate_mandate(store::PgConnection& db, std::string_view caisse_id,
                                  std::string_view household_id) {
  auto mandate = mandate_of(db, caisse_id, household_id);
  if (!mandate || mandate->status == MandateStatus::active) return mandate;
  if (mandate->status == MandateStatus::revoked || mandate->status == MandateStatus::lapsed) {
    return make_error("mandate \"" + mandate->mandate_id + "\" of household \"" +
                          std::string(household_id) + "\" is " +
                          std::string(to_string(mandate->status)) +
                          ": it cannot be reinstated; the member must sign a new mandate",
                      ErrorKind::conflict);
  }
  if (auto set = set_mandate_status(db, caisse_id, household_id, MandateStatus::active, ""); !set) {
    return set.error();
  }
  return mandate_of(db, caisse_id, household_id);
}

}  // namespace caisse::host::collection
