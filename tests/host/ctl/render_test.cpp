#include "ctl/render.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace caisse::host::ctl {
namespace {

namespace json = boost::json;

TEST(RenderStatus, PrintsVersionUptimeDatabaseCaissesAndPlugins) {
  auto status = json::parse(R"({"version":"0.1.0","sdk_abi":{"major":1,"minor":0},
    "uptime_seconds":7390,
    "database":{"mode":"embedded","reachable":true,"schema_version":2},
    "caisses":[{"id":"montpellier","name":"Caisse alimentaire de Montpellier"},
               {"id":"nantes-ouest","name":"Nantes Ouest"}],
    "plugins":{"loaded":1,"failed":1}})");
  EXPECT_EQ(render_status(status),
            "caissed 0.1.0 (plugin ABI 1.0), up 2h 03m 10s\n"
            "database: embedded, reachable, schema version 2\n"
            "caisses:\n"
            "  montpellier   Caisse alimentaire de Montpellier\n"
            "  nantes-ouest  Nantes Ouest\n"
            "plugins: 1 loaded, 1 failed\n");
}

TEST(RenderStatus, ShoutsAnUnreachableDatabase) {
  auto status = json::parse(R"({"version":"0.1.0","uptime_seconds":5,
    "database":{"mode":"external","reachable":false,"schema_version":3},"caisses":[],
    "plugins":{"loaded":0,"failed":0}})");
  EXPECT_EQ(render_status(status),
            "caissed 0.1.0, up 5s\n"
            "database: external, UNREACHABLE, schema version 3\n"
            "caisses: none\n"
            "plugins: 0 loaded, 0 failed\n");
}

TEST(RenderStatus, UnexpectedShapesPrintDashesInsteadOfThrowing) {
  EXPECT_EQ(render_status(json::parse("[1,2]")),
            "caissed -\ndatabase: -, -, schema version -\ncaisses: none\nplugins: - loaded, - "
            "failed\n");
  EXPECT_NO_THROW(render_status(json::parse(R"({"uptime_seconds":1.5e300,"caisses":{}})")));
}

TEST(RenderPluginList, PrintsATableWithFailedPluginsAndTheirError) {
  auto list = json::parse(R"({"plugins":[
    {"name":"hello","required":false,"status":"loaded","error":null,"version":"0.1.0",
     "description":"d","roles":["rule"],"path":"/p/hello.so","sha256":"ab",
     "abi":{"major":1,"minor_required":0}},
    {"name":"missing","required":false,"status":"failed","error":"plugin missing: not found in /p",
     "version":null,"description":null,"roles":null,"path":null,"sha256":null,"abi":null}]})");
  EXPECT_EQ(render_plugin_list(list),
            "NAME     STATUS  VERSION  ROLES  ERROR\n"
            "hello    loaded  0.1.0    rule   -\n"
            "missing  failed  -        -      plugin missing: not found in /p\n");
}

TEST(RenderPluginList, JoinsRolesAndSaysWhenEmpty) {
  auto list = json::parse(
      R"({"plugins":[{"name":"x","status":"loaded","version":"1","roles":["rule","currency"]}]})");
  EXPECT_EQ(render_plugin_list(list),
            "NAME  STATUS  VERSION  ROLES          ERROR\n"
            "x     loaded  1        rule,currency  -\n");
  EXPECT_EQ(render_plugin_list(json::parse(R"({"plugins":[]})")), "no plugins configured\n");
}

TEST(RenderPluginList, ControlCharactersFromTheDaemonCannotDriveTheTerminal) {
  auto list = json::parse(
      R"({"plugins":[{"name":"x","status":"failed","error":"bad\u001b[2J\nnext line"}]})");
  std::string out = render_plugin_list(list);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_NE(out.find("bad [2J next line"), std::string::npos) << out;
}

TEST(RenderPluginDetail, PrintsSummaryConfigSchemaAndInstances) {
  auto plugin = json::parse(R"({"name":"hello","required":false,"status":"loaded","error":null,
    "version":"0.1.0","description":"Tutorial plugin","roles":["rule"],"path":"/p/hello.so",
    "sha256":"abcd","abi":{"major":1,"minor_required":0},
    "config":[{"name":"amount_per_person","type":"money","default":null,"required":true,
               "secret":false,"description":"Credited per person"},
              {"name":"api_key","type":"string","default":"x","required":false,"secret":true,
               "description":null}],
    "instances":[{"caisse":"montpellier","instance":"hello","status":"running","error":null},
                 {"caisse":"nantes-ouest","instance":"hello","status":"failed",
                  "error":"init: bad"}]})");
  EXPECT_EQ(render_plugin_detail(plugin),
            "hello 0.1.0: loaded\n"
            "  description  Tutorial plugin\n"
            "  required     no\n"
            "  roles        rule\n"
            "  path         /p/hello.so\n"
            "  sha256       abcd\n"
            "  abi          1 (needs minor 0 or later)\n"
            "\n"
            "config:\n"
            "  NAME               TYPE    REQUIRED  SECRET  DEFAULT  DESCRIPTION\n"
            "  amount_per_person  money   yes       no      -        Credited per person\n"
            "  api_key            string  no        yes     x        -\n"
            "\n"
            "instances:\n"
            "  CAISSE        INSTANCE  STATUS   ERROR\n"
            "  montpellier   hello     running  -\n"
            "  nantes-ouest  hello     failed   init: bad\n");
}

TEST(RenderPluginDetail, FailedPluginShowsItsErrorAndNoSchema) {
  auto plugin = json::parse(R"({"name":"missing","required":true,"status":"failed",
    "error":"not found","version":null,"description":null,"roles":null,"path":null,
    "sha256":null,"abi":null,"config":null,"instances":[]})");
  EXPECT_EQ(render_plugin_detail(plugin),
            "missing: failed\n"
            "  description  -\n"
            "  required     yes\n"
            "  roles        -\n"
            "  path         -\n"
            "  sha256       -\n"
            "  abi          -\n"
            "  error        not found\n"
            "\n"
            "config: unknown (the plugin is not loaded)\n"
            "\n"
            "instances: none\n");
}

TEST(RenderPluginDetail, EmptySchemaSaysNone) {
  auto plugin = json::parse(R"({"name":"p","status":"loaded","config":[],"instances":[]})");
  EXPECT_NE(render_plugin_detail(plugin).find("\nconfig: none\n"), std::string::npos);
}

constexpr const char* kApprovedSummary = R"json({"caisse":"montpellier","month":"2026-11",
  "state":"approved","currency":"MONA","minor_unit":2,
  "rule_version":"per_person 1.0.0 (instance allocation, from 2025-01)","household_count":350,
  "total_minor":3500000,"computed_by":"alice","computed_at":"2026-11-24T10:00:00Z",
  "approved_by":"bob","approved_at":"2026-11-25T08:30:00Z","funds_minor":4000005,
  "shortfall_minor":0,
  "lines":{"NOT_SENT":{"count":350,"amount_minor":3500000},"PENDING":{"count":0,"amount_minor":0},
           "SUCCEEDED":{"count":0,"amount_minor":0},"DECLINED":{"count":0,"amount_minor":0},
           "UNKNOWN":{"count":0,"amount_minor":0}}})json";

TEST(RenderCycleSummary, PrintsTotalStateWhoAndWhenAndLinesByStatus) {
  EXPECT_EQ(render_cycle_summary(json::parse(kApprovedSummary)),
            "cycle 2026-11 of montpellier: approved\n"
            "total 35000.00 MONA for 350 households\n"
            "rule per_person 1.0.0 (instance allocation, from 2025-01)\n"
            "computed by alice at 2026-11-24T10:00:00Z\n"
            "approved by bob at 2026-11-25T08:30:00Z\n"
            "funds 40000.05 MONA\n"
            "lines by status (MONA):\n"
            "  STATUS     COUNT    AMOUNT\n"
            "  NOT_SENT     350  35000.00\n"
            "  PENDING        0      0.00\n"
            "  SUCCEEDED      0      0.00\n"
            "  DECLINED       0      0.00\n"
            "  UNKNOWN        0      0.00\n");
}

TEST(RenderCycleSummary, ShowsTheShortfallAndWhatIsNotDoneYet) {
  auto summary = json::parse(R"({"caisse":"montpellier","month":"2026-11","state":"computed",
    "currency":"MONA","minor_unit":2,"rule_version":"per_person 1.0.0","household_count":1,
    "total_minor":60000,"computed_by":"alice","computed_at":"2026-11-24T10:00:00Z",
    "approved_by":null,"approved_at":null,"funds_minor":45000,"shortfall_minor":15000,
    "lines":{"UNKNOWN":{"count":1,"amount_minor":60000},"NOT_SENT":{"count":0,"amount_minor":0},
             "RETRYING":{"count":2,"amount_minor":-5}}})");
  EXPECT_EQ(render_cycle_summary(summary),
            "cycle 2026-11 of montpellier: computed\n"
            "total 600.00 MONA for 1 household\n"
            "rule per_person 1.0.0\n"
            "computed by alice at 2026-11-24T10:00:00Z\n"
            "not approved yet\n"
            "funds 450.00 MONA\n"
            "shortfall 150.00 MONA: the funds do not cover the total\n"
            "lines by status (MONA):\n"
            "  STATUS    COUNT  AMOUNT\n"
            "  NOT_SENT      0    0.00\n"
            "  UNKNOWN       1  600.00\n"
            "  RETRYING      2   -0.05\n");
}

TEST(RenderCycleSummary, AmountsFollowTheCurrencysMinorUnitWithoutFloatingPoint) {
  auto summary = json::parse(R"({"caisse":"c","month":"2026-02","state":"closed","currency":"JPY",
    "minor_unit":0,"household_count":2,"total_minor":9007199254740993,"computed_by":"a",
    "computed_at":"t","approved_by":"b","approved_at":"u","funds_minor":null,
    "shortfall_minor":null,"lines":{}})");
  EXPECT_EQ(render_cycle_summary(summary),
            "cycle 2026-02 of c: closed\n"
            "total 9007199254740993 JPY for 2 households\n"
            "rule -\n"
            "computed by a at t\n"
            "approved by b at u\n"
            "lines by status: none\n");
  auto four = json::parse(R"({"currency":"X","minor_unit":4,"total_minor":-7})");
  EXPECT_NE(render_cycle_summary(four).find("total -0.0007 X for - households\n"),
            std::string::npos)
      << render_cycle_summary(four);
}

TEST(RenderCycleSummary, UnexpectedShapesPrintDashesInsteadOfThrowing) {
  EXPECT_EQ(render_cycle_summary(json::parse("[]")),
            "cycle - of -: -\n"
            "total - - for - households\n"
            "rule -\n"
            "not computed yet\n"
            "not approved yet\n"
            "lines by status: none\n");
  auto odd = json::parse(R"({"minor_unit":"2","total_minor":1.5,"funds_minor":12,
    "lines":{"PENDING":7}})");
  std::string out = render_cycle_summary(odd);
  EXPECT_NE(out.find("funds 12 minor units -\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  PENDING      -       -\n"), std::string::npos) << out;
}

TEST(RenderCycleReport, PrintsSummaryMoneyInAndOutThenEveryLine) {
  std::string report = std::string(R"({"summary":)") + kApprovedSummary + R"(,
    "money_in":[{"source":"contributions","funder":null,"currency":"EUR","amount_minor":1500000},
                {"source":"grant","funder":"ccas-nantes","currency":"EUR","amount_minor":2500005}],
    "money_out":[{"kind":"allocations","amount_minor":3500000}],
    "lines":[{"household_id":"H-0001","amount_minor":10000,"rule_version":"r",
              "operation_id":"alloc/montpellier/2026-11/H-0001","status":"SUCCEEDED",
              "attempts":1,"external_ref":"T-1","message":""},
             {"household_id":"H-0002","amount_minor":25050,"rule_version":"r",
              "operation_id":"alloc/montpellier/2026-11/H-0002","status":"DECLINED",
              "attempts":2,"external_ref":null,"message":"account closed\nby the bank"}]})";
  EXPECT_EQ(render_cycle_report(json::parse(report)),
            "cycle 2026-11 of montpellier: approved\n"
            "total 35000.00 MONA for 350 households\n"
            "rule per_person 1.0.0 (instance allocation, from 2025-01)\n"
            "computed by alice at 2026-11-24T10:00:00Z\n"
            "approved by bob at 2026-11-25T08:30:00Z\n"
            "funds 40000.05 MONA\n"
            "lines by status (MONA):\n"
            "  STATUS     COUNT    AMOUNT\n"
            "  NOT_SENT     350  35000.00\n"
            "  PENDING        0      0.00\n"
            "  SUCCEEDED      0      0.00\n"
            "  DECLINED       0      0.00\n"
            "  UNKNOWN        0      0.00\n"
            "\n"
            "money in (EUR):\n"
            "  SOURCE         FUNDER         AMOUNT\n"
            "  contributions  -            15000.00\n"
            "  grant          ccas-nantes  25000.05\n"
            "\n"
            "money out (MONA):\n"
            "  KIND           AMOUNT\n"
            "  allocations  35000.00\n"
            "\n"
            "lines (MONA):\n"
            "  HOUSEHOLD  AMOUNT  STATUS     REFERENCE  MESSAGE\n"
            "  H-0001     100.00  SUCCEEDED  T-1        -\n"
            "  H-0002     250.50  DECLINED   -          account closed by the bank\n");
}

TEST(RenderCycleReport, EmptySectionsSayNone) {
  auto report = json::parse(R"({"summary":{"caisse":"m","month":"2026-11","state":"computed",
    "currency":"MONA","minor_unit":2,"household_count":0,"total_minor":0},
    "money_in":[],"money_out":[],"lines":[]})");
  std::string out = render_cycle_report(report);
  EXPECT_NE(out.find("total 0.00 MONA for 0 households\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\nmoney in: none\n\nmoney out: none\n\nlines: none\n"), std::string::npos)
      << out;
  EXPECT_NO_THROW(render_cycle_report(json::parse("null")));
}

TEST(RenderImport, PrintsWhatTheDaemonDidWithTheFile) {
  auto result = json::parse(
      R"({"kind":"households","file_lines":101,"inserted":100,"updated":0,"unchanged":0})");
  EXPECT_EQ(render_import(result),
            "households: 101 lines in the file; 100 inserted, 0 updated, 0 unchanged\n");
}

// The shape is ledger::to_json's (host/src/ledger/invariants.cpp).
TEST(RenderContributionSuggestion, SaysTheAmountAMonthAndTheRule) {
  auto suggestion = json::parse(R"json({"caisse":"nantes-ouest","month":"2026-11",
    "rule":"reste_a_vivre_grid 1.0.0 (instance grille-2025, from 2025-01)","currency":"EUR",
    "suggested_minor":2700,"suggested":"27.00"})json");
  EXPECT_EQ(render_contribution_suggestion(suggestion),
            "suggested contribution for nantes-ouest in 2026-11: 27.00 EUR a month\n"
            "rule reste_a_vivre_grid 1.0.0 (instance grille-2025, from 2025-01)\n");
}

TEST(RenderLedgerCheck, AllInvariantsHold) {
  auto check = json::parse(R"({"caisse":"montpellier","ok":true,"invariants":[
    {"name":"entries_balance","currency":"","formula":"f","expected":"0 unbalanced entries",
     "actual":"0 unbalanced entries","status":"OK","details":[]},
    {"name":"euros_received","currency":"EUR","formula":"f","expected":"710.00 EUR",
     "actual":"710.00 EUR","expected_minor":71000,"actual_minor":71000,"status":"OK",
     "details":["contributions 500.00 EUR"]}]})");
  EXPECT_EQ(render_ledger_check(check),
            "ledger of montpellier: OK, 2 invariants hold\n"
            "  RESULT  INVARIANT        CURRENCY              EXPECTED                ACTUAL\n"
            "  OK      entries_balance  -         0 unbalanced entries  0 unbalanced entries\n"
            "  OK      euros_received   EUR                 710.00 EUR            710.00 EUR\n");
}

TEST(RenderLedgerCheck, SaysWhichInvariantFailedAndWhy) {
  auto check = json::parse(R"({"caisse":"montpellier","ok":false,"invariants":[
    {"name":"entries_balance","currency":"","formula":"f","expected":"0 unbalanced entries",
     "actual":"1 unbalanced entries","status":"FAILED",
     "details":["entry 42 (receipt/7): EUR sums to 15.00 EUR"]},
    {"name":"running_balances","currency":"","formula":"f","expected":"0 accounts off",
     "actual":"0 accounts off","status":"OK","details":[]}]})");
  EXPECT_EQ(render_ledger_check(check),
            "ledger of montpellier: FAILED, 1 of 2 invariants broken\n"
            "  RESULT  INVARIANT         CURRENCY              EXPECTED                ACTUAL\n"
            "  FAILED  entries_balance   -         0 unbalanced entries  1 unbalanced entries\n"
            "  OK      running_balances  -               0 accounts off        0 accounts off\n"
            "  entries_balance: entry 42 (receipt/7): EUR sums to 15.00 EUR\n");
  EXPECT_EQ(render_ledger_check(json::parse(R"({"caisse":"m","ok":"yes"})")),
            "ledger of m: FAILED\n");
}

TEST(FormatTable, RightAlignedColumnsArePaddedOnTheLeft) {
  EXPECT_EQ(format_table({{"A", "1", "x"}, {"BB", "100", "y"}}, 0, {1}),
            "A     1  x\n"
            "BB  100  y\n");
  EXPECT_EQ(format_table({{"A", "1"}, {"BB", "100"}}, 2, {1}),
            "  A     1\n"
            "  BB  100\n");
}

TEST(FormatUptime, UsesTheLargestUnitsThatMatter) {
  EXPECT_EQ(format_uptime(0), "0s");
  EXPECT_EQ(format_uptime(45), "45s");
  EXPECT_EQ(format_uptime(185), "3m 05s");
  EXPECT_EQ(format_uptime(7390), "2h 03m 10s");
  EXPECT_EQ(format_uptime(180000), "2d 02h 00m");
  EXPECT_EQ(format_uptime(-5), "0s");
}

TEST(FormatTable, AlignsOnUtf8CharactersNotBytes) {
  EXPECT_EQ(format_table({{"Élodie", "x"}, {"Ann", "y"}}, 1), " Élodie  x\n Ann     y\n");
}

}  // namespace
}  // namespace caisse::host::ctl
