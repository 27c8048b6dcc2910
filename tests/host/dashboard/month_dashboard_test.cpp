// The dashboard's month (GET .../dashboard/{month}) against a real PostgreSQL: a caisse seeded
// through the registry's own imports (households, funders, receipts, merchants) and rows written
// as the cycle, the committee, the purchase import and the bank statement import write them; each
// block is checked against values worked out by hand below, and the cycle and money in against
// what the cycle report answers.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "daemon/cycle_answers.hpp"
#include "daemon/dashboard_answers.hpp"
#include "dashboard/month_dashboard.hpp"
#include "registry_fixture.hpp"

namespace caisse::host::dashboard {
namespace {

using boost::json::object;
using boost::json::value;

constexpr Month kNovember{2026, 11};
// 25 November 2026: the day the pipeline is judged on.
constexpr ledger::Date kToday{std::chrono::year{2026}, std::chrono::month{11},
                              std::chrono::day{25}};

// Three households; the Ville de Nantes pays a grant in November, the foundation in December.
// November's money in: contributions 20.00 + 15.50 = 35.50 EUR (October's 20.00 is not the
// month's), grant F-1 300.00 EUR.
constexpr const char* kHouseholds =
    "household_id,adults,children,joined_via,joined_on,left_on\n"
    "H-1,1,0,self,2025-01-01,\n"
    "H-2,2,1,ccas,2025-01-01,\n"
    "H-3,1,2,association,2025-01-01,\n";
constexpr const char* kFunders =
    "funder_id,name,kind,earmark,pledged_amount,note\n"
    "F-1,Ville de Nantes,public,allocations,,\n"
    "F-2,Fondation Solidarité,foundation,allocations,,\n";
constexpr const char* kReceipts =
    "reference,date,source,household_id,funder_id,amount\n"
    "R-1,2026-11-05,contribution,H-1,,20.00\n"
    "R-2,2026-11-06,contribution,H-2,,15.50\n"
    "R-3,2026-11-10,grant,,F-1,300.00\n"
    "R-4,2026-10-28,contribution,H-1,,20.00\n"
    "R-5,2026-12-01,grant,,F-2,100.00\n";
// Two kinds of merchant. The committee's decisions below make M-001 and M-002 accredited with a
// re-evaluation overdue, M-003 suspended (its re-evaluation overdue too, but it is not
// accredited), M-006 expired; M-004 stands by the file (accredited), M-005 likewise (not).
constexpr const char* kMerchants =
    "merchant_id,name,accredited,kind,ref:moneko\n"
    "M-001,Épicerie du Coin,yes,shop,acc-1\n"
    "M-002,Ferme des Landes,yes,producer,acc-2\n"
    "M-003,Boulangerie Martin,yes,shop,acc-3\n"
    "M-004,Maraîcher Bio,yes,producer,acc-4\n"
    "M-005,Supérette,no,shop,acc-5\n"
    "M-006,Verger du Val,yes,producer,acc-6\n";

// The allocations_vs_spending block expected, in MNK.
value allocations_vs_spending(std::int64_t allocated, std::int64_t credited, std::int64_t spent,
                              std::int64_t purchases, std::int64_t households) {
  return {{"currency", "MNK"},          {"allocated_minor", allocated},
          {"credited_minor", credited}, {"spent_minor", spent},
          {"purchases", purchases},     {"spending_households", households}};
}

// The registry tests' migrated database, with the caisse as the demo's Nantes Ouest writes it.
class DashboardMonth : public registry::RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    caisse_ = registry::caisse_named("nantes-ouest");
    caisse_.name = "Nantes Ouest";
    caisse_.currency.code = "MNK";
    caisse_.currency.name = "Moneko";
  }

  // The merchants file has a ref:moneko column: moneko is a currency backend of the caisse.
  void import(registry::ImportKind kind, const char* csv) {
    auto report = registry::import_csv(db(), caisse_, kind, "seed.csv", csv,
                                       registry::ImportContext{{"moneko"}});
    if (!report) throw std::runtime_error(report.error().message);
  }

  void sql(const std::string& statement) {
    auto done = db().exec(statement);
    if (!done) throw std::runtime_error(done.error().message);
  }

  void seed() {
    import(registry::ImportKind::households, kHouseholds);
    import(registry::ImportKind::funders, kFunders);
    import(registry::ImportKind::receipts, kReceipts);
    import(registry::ImportKind::merchants, kMerchants);
    // November's allocations, dispatched: H-1 credited 150.00, H-2 declined 200.00, H-3 still
    // pending 100.00. Total 450.00, credited 150.00.
    sql("INSERT INTO cycles (caisse_id, kind, month, state, currency, rule_version,"
        " household_count, total_minor, computed_by, computed_at, approved_by, approved_at)"
        " VALUES ('nantes-ouest', 'allocation', '2026-11', 'dispatched', 'MNK', 'per_person 1.0',"
        " 3, 45000, 'op-a', '2026-11-20T10:00:00Z', 'op-b', '2026-11-21T09:00:00Z')");
    sql("INSERT INTO cycle_lines (caisse_id, kind, month, household_id, amount_minor,"
        " rule_version, operation_id, status) VALUES"
        " ('nantes-ouest', 'allocation', '2026-11', 'H-1', 15000, 'per_person 1.0', 'a1',"
        "  'SUCCEEDED'),"
        " ('nantes-ouest', 'allocation', '2026-11', 'H-2', 20000, 'per_person 1.0', 'a2',"
        "  'DECLINED'),"
        " ('nantes-ouest', 'allocation', '2026-11', 'H-3', 10000, 'per_person 1.0', 'a3',"
        "  'PENDING')");
    // Re-evaluations due 15 November (M-001, 10 days overdue on the 25th), 26 October (M-002,
    // 30 days) and 1 September (M-003, suspended); M-006's accreditation ended 31 October.
    sql("INSERT INTO merchant_decisions (caisse_id, merchant_id, decision, decided_on, method,"
        " valid_from, valid_until, next_evaluation_on, recorded_by) VALUES"
        " ('nantes-ouest', 'M-001', 'accredit', '2025-11-01', 'consensus', '2025-11-01', NULL,"
        "  '2026-11-15', 'committee'),"
        " ('nantes-ouest', 'M-002', 'accredit', '2026-01-10', 'consensus', '2026-01-10', NULL,"
        "  '2026-10-26', 'committee'),"
        " ('nantes-ouest', 'M-003', 'suspend', '2026-06-01', 'consensus', '2026-06-01', NULL,"
        "  '2026-09-01', 'committee'),"
        " ('nantes-ouest', 'M-006', 'accredit', '2025-11-01', 'consensus', '2025-11-01',"
        "  '2026-10-31', '2027-01-01', 'committee')");
    // Purchases. Counted in November (paid by a household, paid_at in November UTC):
    // P-1 M-001 25.00, P-2 M-001 15.00, P-3 M-002 60.00, P-4 at the unknown acc-99 7.00,
    // P-5 M-003 4.00, P-8 M-002 10.00 (the last second of the month). Left out: P-6 (no
    // household), P-7 (31 October 23:30 UTC, already 1 November in Nantes), P-9 (December),
    // P-10 (another caisse).
    sql("INSERT INTO purchases (caisse_id, instance, external_ref, household_id, merchant_ref,"
        " merchant_id, amount_minor, currency, paid_at, merchant_accredited) VALUES"
        " ('nantes-ouest', 'moneko', 'P-1', 'H-1', 'acc-1', 'M-001', 2500, 'MNK',"
        "  '2026-11-03T10:00:00Z', true),"
        " ('nantes-ouest', 'moneko', 'P-2', 'H-2', 'acc-1', 'M-001', 1500, 'MNK',"
        "  '2026-11-12T10:00:00Z', true),"
        " ('nantes-ouest', 'moneko', 'P-3', 'H-1', 'acc-2', 'M-002', 6000, 'MNK',"
        "  '2026-11-20T10:00:00Z', true),"
        " ('nantes-ouest', 'moneko', 'P-4', 'H-3', 'acc-99', NULL, 700, 'MNK',"
        "  '2026-11-21T10:00:00Z', false),"
        " ('nantes-ouest', 'moneko', 'P-5', 'H-2', 'acc-3', 'M-003', 400, 'MNK',"
        "  '2026-11-22T10:00:00Z', false),"
        " ('nantes-ouest', 'moneko', 'P-6', NULL, 'acc-1', 'M-001', 9999, 'MNK',"
        "  '2026-11-23T10:00:00Z', true),"
        " ('nantes-ouest', 'moneko', 'P-7', 'H-1', 'acc-1', 'M-001', 5000, 'MNK',"
        "  '2026-10-31T23:30:00Z', true),"
        " ('nantes-ouest', 'moneko', 'P-8', 'H-3', 'acc-2', 'M-002', 1000, 'MNK',"
        "  '2026-11-30T23:59:59Z', true),"
        " ('nantes-ouest', 'moneko', 'P-9', 'H-1', 'acc-1', 'M-001', 800, 'MNK',"
        "  '2026-12-01T00:00:00Z', true),"
        " ('montpellier', 'mona', 'P-10', 'H-1', 'x-1', NULL, 12345, 'MONA',"
        "  '2026-11-10T10:00:00Z', false)");
    // The bank queue: L-1 +30.00 and L-2 -4.50 (fees, booked 15 October) wait; L-3 is matched,
    // L-4 ignored, L-5 belongs to another caisse.
    sql("INSERT INTO statement_imports (caisse_id, instance, file_name, sha256, lines, new_lines,"
        " actor) VALUES ('nantes-ouest', 'bank', 'nov.csv', repeat('a', 64), 4, 4, 'op-a'),"
        " ('montpellier', 'bank', 'nov.csv', repeat('b', 64), 1, 1, 'op-a')");
    sql("INSERT INTO statement_lines (caisse_id, import_id, line_key, location, booking_date,"
        " amount_minor, currency, status)"
        " SELECT i.caisse_id, i.id, l.k, 'nov.csv:' || l.k, l.d::date, l.a, 'EUR', l.s"
        "   FROM statement_imports i JOIN (VALUES"
        "     ('nantes-ouest', 'L-1', '2026-11-02', 3000, 'unmatched'),"
        "     ('nantes-ouest', 'L-2', '2026-10-15', -450, 'unmatched'),"
        "     ('nantes-ouest', 'L-3', '2026-11-05', 2000, 'matched'),"
        "     ('nantes-ouest', 'L-4', '2026-11-07', 100, 'ignored'),"
        "     ('montpellier', 'L-5', '2026-09-01', 999, 'unmatched'))"
        "   AS l(c, k, d, a, s) ON l.c = i.caisse_id");
  }

  object answer(Month month) {
    auto figures = read_month_dashboard(db(), caisse_, month, kToday);
    if (!figures) throw std::runtime_error(figures.error().message);
    // Through the text, as a client reads it.
    return boost::json::parse(boost::json::serialize(
                                  daemon::month_dashboard_json(caisse_, month, kToday, *figures)))
        .as_object();
  }

  config::CaisseConfig caisse_;
};

TEST_F(DashboardMonth, NamesTheCaisseTheMonthAndToday) {
  seed();
  object a = answer(kNovember);
  EXPECT_EQ(a.at("caisse"), (value{{"id", "nantes-ouest"},
                                   {"name", "Nantes Ouest"},
                                   {"currency", "MNK"},
                                   {"currency_name", "Moneko"},
                                   {"minor_unit", 2}}));
  EXPECT_EQ(a.at("month"), "2026-11");
  EXPECT_EQ(a.at("today"), "2026-11-25");
}

TEST_F(DashboardMonth, CycleIsTheObjectTheCycleRoutesAnswer) {
  seed();
  object a = answer(kNovember);
  cycle::AllocationCycle cycles(caisse_.id, "MNK", 2, db());
  auto summary = cycles.summary(kNovember);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(a.at("cycle"), value(daemon::cycle_summary_object(*summary, 2)));
  // And by hand: the three lines seeded.
  const object& c = a.at("cycle").as_object();
  EXPECT_EQ(c.at("state"), "dispatched");
  EXPECT_EQ(c.at("total_minor"), 45000);
  EXPECT_EQ(c.at("approved_by"), "op-b");
  const object& lines = c.at("lines").as_object();
  EXPECT_EQ(lines.at("SUCCEEDED"), (value{{"count", 1}, {"amount_minor", 15000}}));
  EXPECT_EQ(lines.at("DECLINED"), (value{{"count", 1}, {"amount_minor", 20000}}));
  EXPECT_EQ(lines.at("PENDING"), (value{{"count", 1}, {"amount_minor", 10000}}));
  EXPECT_EQ(lines.at("NOT_SENT"), (value{{"count", 0}, {"amount_minor", 0}}));
  EXPECT_TRUE(a.at("bonus_cycle").is_null());
}

TEST_F(DashboardMonth, MoneyInIsTheReportsWithFunderNames) {
  seed();
  object a = answer(kNovember);
  EXPECT_EQ(a.at("money_in"), (value{{{"source", "contributions"},
                                      {"funder", nullptr},
                                      {"currency", "EUR"},
                                      {"amount_minor", 3550}},
                                     {{"source", "grant"},
                                      {"funder", "F-1"},
                                      {"currency", "EUR"},
                                      {"amount_minor", 30000},
                                      {"funder_name", "Ville de Nantes"}}}));
  // The report's array is the same but for the names.
  auto in = ledger::money_in(db(), caisse_.id, ledger::month_period(kNovember), "EUR");
  ASSERT_TRUE(in.ok()) << in.error().message;
  boost::json::array reported = daemon::money_in_array(*in);
  reported[1].as_object()["funder_name"] = "Ville de Nantes";
  EXPECT_EQ(a.at("money_in"), value(reported));
}

TEST_F(DashboardMonth, MoneyOutAndAllocationsAgainstSpending) {
  seed();
  object a = answer(kNovember);
  EXPECT_EQ(a.at("money_out"),
            (value{{{"kind", "allocations"}, {"currency", "MNK"}, {"amount_minor", 15000}}}));
  // Spent: 2500 + 1500 + 6000 + 700 + 400 + 1000 by H-1, H-2 and H-3.
  EXPECT_EQ(a.at("allocations_vs_spending"), allocations_vs_spending(45000, 15000, 12100, 6, 3));
}

TEST_F(DashboardMonth, SpendingByMerchantLargestFirstWithTheUnknownReferenceNamed) {
  seed();
  object a = answer(kNovember);
  // M-002 60.00 + 10.00, M-001 25.00 + 15.00, acc-99 7.00, M-003 4.00.
  EXPECT_EQ(a.at("spending_by_merchant"), (value{{{"merchant_id", "M-002"},
                                                  {"name", "Ferme des Landes"},
                                                  {"kind", "producer"},
                                                  {"amount_minor", 7000},
                                                  {"purchases", 2}},
                                                 {{"merchant_id", "M-001"},
                                                  {"name", "Épicerie du Coin"},
                                                  {"kind", "shop"},
                                                  {"amount_minor", 4000},
                                                  {"purchases", 2}},
                                                 {{"merchant_id", nullptr},
                                                  {"name", "acc-99"},
                                                  {"kind", nullptr},
                                                  {"amount_minor", 700},
                                                  {"purchases", 1}},
                                                 {{"merchant_id", "M-003"},
                                                  {"name", "Boulangerie Martin"},
                                                  {"kind", "shop"},
                                                  {"amount_minor", 400},
                                                  {"purchases", 1}}}));
}

TEST_F(DashboardMonth, SpendingByKindLargestFirstUnknownMerchantsApart) {
  seed();
  object a = answer(kNovember);
  // producer 70.00 (2), shop 40.00 + 4.00 (3), unknown 7.00 (1).
  EXPECT_EQ(a.at("spending_by_kind"),
            (value{{{"kind", "producer"}, {"amount_minor", 7000}, {"purchases", 2}},
                   {{"kind", "shop"}, {"amount_minor", 4400}, {"purchases", 3}},
                   {{"kind", "unknown"}, {"amount_minor", 700}, {"purchases", 1}}}));
}

TEST_F(DashboardMonth, AccreditationCountsEveryStandingAndListsOverdueAccreditedOnes) {
  seed();
  object a = answer(kNovember);
  const object& pipeline = a.at("accreditation").as_object();
  // M-001, M-002 (decisions) and M-004 (the file); M-003 suspended; M-005 not; M-006 expired.
  EXPECT_EQ(pipeline.at("by_status"), (value{{"not_accredited", 1},
                                             {"accredited", 3},
                                             {"suspended", 1},
                                             {"refused", 0},
                                             {"expired", 1}}));
  // 25 November: M-002 due 26 October (30 days), M-001 due 15 November (10 days); M-003 is
  // overdue but suspended.
  EXPECT_EQ(pipeline.at("overdue"), (value{{{"merchant_id", "M-002"},
                                            {"name", "Ferme des Landes"},
                                            {"kind", "producer"},
                                            {"next_evaluation_on", "2026-10-26"},
                                            {"days_overdue", 30}},
                                           {{"merchant_id", "M-001"},
                                            {"name", "Épicerie du Coin"},
                                            {"kind", "shop"},
                                            {"next_evaluation_on", "2026-11-15"},
                                            {"days_overdue", 10}}}));
}

TEST_F(DashboardMonth, BankCountsTheCaissesUnmatchedLinesOnly) {
  seed();
  object a = answer(kNovember);
  // L-1 + L-2: 30.00 - 4.50, the oldest booked 15 October.
  EXPECT_EQ(a.at("bank"), (value{{"unmatched_count", 2},
                                 {"unmatched_amount_minor", 2550},
                                 {"currency", "EUR"},
                                 {"oldest_unmatched_on", "2026-10-15"}}));
}

TEST_F(DashboardMonth, EmptyMonthGivesZerosAndNulls) {
  object a = answer(Month{2027, 2});
  EXPECT_TRUE(a.at("cycle").is_null());
  EXPECT_TRUE(a.at("bonus_cycle").is_null());
  EXPECT_EQ(a.at("money_in"), (value{{{"source", "contributions"},
                                      {"funder", nullptr},
                                      {"currency", "EUR"},
                                      {"amount_minor", 0}}}));
  EXPECT_EQ(a.at("money_out"),
            (value{{{"kind", "allocations"}, {"currency", "MNK"}, {"amount_minor", 0}}}));
  EXPECT_EQ(a.at("allocations_vs_spending"), allocations_vs_spending(0, 0, 0, 0, 0));
  EXPECT_EQ(a.at("spending_by_merchant"), value(boost::json::array{}));
  EXPECT_EQ(a.at("spending_by_kind"), value(boost::json::array{}));
  EXPECT_EQ(a.at("accreditation").at("by_status"), (value{{"not_accredited", 0},
                                                          {"accredited", 0},
                                                          {"suspended", 0},
                                                          {"refused", 0},
                                                          {"expired", 0}}));
  EXPECT_EQ(a.at("accreditation").at("overdue"), value(boost::json::array{}));
  EXPECT_EQ(a.at("bank"), (value{{"unmatched_count", 0},
                                 {"unmatched_amount_minor", 0},
                                 {"currency", "EUR"},
                                 {"oldest_unmatched_on", nullptr}}));
}

TEST_F(DashboardMonth, BonusCycleIsShownWhenTheMonthHasOne) {
  seed();
  // A bonus cycle due 10 December, computed but not yet paid: on 25 November it is not late.
  sql("INSERT INTO cycles (caisse_id, kind, month, state, currency, rule_version,"
      " household_count, total_minor, computed_by, computed_at, due_on)"
      " VALUES ('nantes-ouest', 'bonus', '2026-11', 'computed', 'MNK', 'bonus 1.0', 1, 500,"
      " 'op-a', '2026-11-24T10:00:00Z', '2026-12-10')");
  object a = answer(kNovember);
  ASSERT_TRUE(a.at("bonus_cycle").is_object());
  EXPECT_EQ(a.at("bonus_cycle").at("kind"), "bonus");
  EXPECT_EQ(a.at("bonus_cycle").at("total_minor"), 500);
  EXPECT_EQ(a.at("bonus_cycle").at("due_on"), "2026-12-10");
  EXPECT_TRUE(a.at("bonus_cycle").at("late").is_null());
  // The allocation cycle is still the allocation one.
  EXPECT_EQ(a.at("cycle").at("kind"), "allocation");
}

}  // namespace
}  // namespace caisse::host::dashboard
