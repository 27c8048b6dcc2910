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
