// The registry's fixture (a migrated database, the caisses nantes-ouest and pays-de-retz) with
// what collection tests add: households, commitments and mandates written as CSV, runs drafted
// with a fixed clock, events applied, and a snapshot of every collection table to prove that
// something changed nothing.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "collection/collection.hpp"
#include "collection/collection_ids.hpp"
#include "registry_fixture.hpp"

namespace caisse::host::collection {

constexpr const char* kMandatesHeader = "mandate_id,household_id,name,iban,bic,signed_on\n";
constexpr const char* kContributionsHeader = "household_id,amount,method,lock_in_months,from\n";
constexpr const char* kHouseholdsHeader =
    "household_id,adults,children,joined_via,joined_on,left_on\n";

// Known-good IBANs (payments.md §1.7) and one with its last digit changed.
constexpr const char* kIbanA = "FR7630006000011234567890189";
constexpr const char* kIbanB = "FR1420041010050500013M02606";
constexpr const char* kIbanC = "DE89370400440532013000";
constexpr const char* kIbanMistyped = "FR7630006000011234567890188";

inline csv::Date on(int y, unsigned m, unsigned d) {
  return csv::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// A valid French IBAN for account number `n`: bank 30006, branch 00001, the RIB key
// 97 - (89 × bank + 15 × branch + 3 × account) mod 97, and the ISO 7064 check digits worked out
// digit by digit ("FR" is 15 27).
inline std::string french_iban(int n) {
  std::string account = std::to_string(n);
  account = std::string(11 - account.size(), '0') + account;
  const unsigned rib =
      97 - static_cast<unsigned>((89ull * 30006 + 15ull * 1 + 3ull * std::stoull(account)) % 97);
  const std::string key = (rib < 10 ? "0" : "") + std::to_string(rib);
  const std::string bban = "3000600001" + account + key;
  unsigned remainder = 0;
  for (char c : bban + "152700") remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
  const unsigned check = 98 - remainder;
  return std::string("FR") + (check < 10 ? "0" : "") + std::to_string(check) + bban;
}

// "12.34" for 1234 cents, as a volunteer would type it.
inline std::string euros(std::int64_t cents) {
  const std::string decimals = std::to_string(cents % 100);
  return std::to_string(cents / 100) + "." + (decimals.size() < 2 ? "0" : "") + decimals;
}

class CollectionTest : public registry::RegistryTest {
 protected:
  const std::string& caisse() const { return nantes_.id; }

  void households(const std::string& rows) {
    must_import(registry::ImportKind::households, std::string(kHouseholdsHeader) + rows);
  }
  void contributions(const std::string& rows) {
    must_import(registry::ImportKind::contributions, std::string(kContributionsHeader) + rows);
  }

  MandateImportReport mandates(const std::string& rows) {
    auto report =
        import_mandates(db(), caisse(), "mandates.csv", std::string(kMandatesHeader) + rows);
    if (!report) {
      ADD_FAILURE() << report.error().message;
      return {};
    }
    return *report;
  }

  std::string mandates_error(const std::string& file) {
    auto report = import_mandates(db(), caisse(), "mandates.csv", file);
    if (report) {
      ADD_FAILURE() << "the import succeeded";
      return "";
    }
    EXPECT_EQ(report.error().kind, ErrorKind::invalid) << report.error().message;
    return report.error().message;
  }

  Mandate mandate(const std::string& household) {
    auto found = mandate_of(db(), caisse(), household);
    if (!found) throw std::runtime_error(found.error().message);
    return *found;
  }

  // Drafted at 2026-11-24 10:00:00 UTC by collector "sepa".
  DraftedRun draft(Month month, csv::Date collection_date, const std::string& collector = "sepa") {
    DraftRequest request;
    request.month = month;
    request.collection_date = collection_date;
    request.collector = collector;
    request.now = std::chrono::sys_days{on(2026, 11, 24)} + std::chrono::hours(10);
    auto drafted = draft_run(db(), caisse(), request);
    if (!drafted) throw std::runtime_error(drafted.error().message);
    return *drafted;
  }

  std::vector<AppliedEvent> apply(const std::vector<PaymentEvent>& events) {
    auto applied = apply_events(db(), caisse(), events);
    if (!applied) throw std::runtime_error(applied.error().message);
    return *applied;
  }

  // Every row of every collection table, as text.
  std::string snapshot() {
    return scalar(
        "SELECT concat_ws(' | ',"
        " (SELECT string_agg(t::text, ';' ORDER BY t::text) FROM collection_mandates t),"
        " (SELECT string_agg(t::text, ';' ORDER BY t::text) FROM collection_mandate_history t),"
        " (SELECT string_agg(t::text, ';' ORDER BY t::text) FROM collection_runs t),"
        " (SELECT string_agg(t::text, ';' ORDER BY t::text) FROM collection_debits t),"
        " (SELECT string_agg(t::text, ';' ORDER BY t::text) FROM collection_events t))");
  }
};

inline PaymentEvent event(std::string id, std::string end_to_end_id, PaymentState state,
                          std::string reason = "") {
  PaymentEvent e;
  e.event_id = std::move(id);
  e.payment_ref = std::move(end_to_end_id);
  e.state = state;
  e.reason_code = std::move(reason);
  return e;
}

}  // namespace caisse::host::collection
