// Importing one bank statement file, as the daemon does for `POST …/statements/{instance}`: the
// bankcsv plugin (profile credit_agricole, loaded by the host's plugin loader and configured
// through the daemon's config check) reads the file, then bank::import_statement keeps every
// line and reconciles it in one transaction. Prints each phase's wall time, its lines per
// second and the process's peak resident memory (VmHWM) after it:
//
//   read    the file into memory (the daemon holds a request body the same way)
//   parse   the plugin alone, lines counted, nothing kept: what parsing costs
//   key     parse again and give each line its once-only key (bank::LineKeys), nothing kept:
//           with parse, the share of the import spent before the database
//   import  import_statement: parse again, key each line, store, reconcile, commit
//   again   the same bytes a second time: recognised by their SHA-256, nothing written
//
// Then it checks the database against the import's report (row count and sums of the lines
// stored) and prints the sums so that the caller can compare them with its own reading of the
// CSV (bench/statement_import.sh does, with awk). A standalone program rather than a Google
// Benchmark fixture: one import of a million lines is one long transaction, not an iteration
// to repeat. docs/performance.md has the command, the machine and the results.
//
//   statement_bench --file bank.csv [--keep-db]
//
// The database: a new one on the server named by CAISSE_TEST_PG_URL (tests/support), or an
// embedded cluster started for the run when it is unset; dropped at the end unless --keep-db.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "bank/statement_import.hpp"
#include "bank/statement_line_key.hpp"
#include "bench_support.hpp"
#include "fake_plugin_services.hpp"
#include "pg_test_env.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"
#include "store/migrations.hpp"
#include "store/pg_connection.hpp"
#include "validated_plugin_config.hpp"

namespace {

using namespace caisse;
using namespace caisse::host;

constexpr const char* kCaisse = "bench";

using bench::must;
using bench::stop;

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) stop("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Options {
  std::filesystem::path file;
  bool keep_db = false;
};

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--file" && i + 1 < argc) {
      o.file = argv[++i];
    } else if (arg == "--keep-db") {
      o.keep_db = true;
    } else {
      stop("usage: statement_bench --file BANK.csv [--keep-db]");
    }
  }
  if (o.file.empty()) stop("--file is required (bench/statement_import.sh makes one)");
  return o;
}

std::unique_ptr<plugins::PluginInstance> bankcsv_instance(plugins::PluginServices& services,
                                                          const std::filesystem::path& dir) {
  auto loaded =
      must(plugins::load_plugin({"bankcsv", {CAISSE_PLUGIN_DIR}, std::nullopt}), "loading bankcsv");
  auto config =
      must(caisse::testing::validated_plugin_config(
               loaded->descriptor(), "banque", {{"profile", std::string("credit_agricole")}}, dir),
           "configuring bankcsv");
  return must(
      plugins::PluginInstance::create(loaded, kCaisse, "banque", std::move(config), services),
      "starting bankcsv");
}

// What the database holds after the import: lines, and money in and out in cents.
struct StoredTotals {
  std::size_t lines = 0;
  std::int64_t in_minor = 0;
  std::int64_t out_minor = 0;
};

StoredTotals stored_totals(store::PgConnection& db) {
  auto r = must(db.exec_params("SELECT count(*), coalesce(sum(amount_minor) FILTER (WHERE "
                               "amount_minor > 0), 0), coalesce(-sum(amount_minor) FILTER (WHERE "
                               "amount_minor < 0), 0) FROM statement_lines WHERE caisse_id = $1",
                               {kCaisse}),
                "counting the stored lines");
  return {std::stoull(std::string(r.get(0, 0))), std::stoll(std::string(r.get(0, 1))),
          std::stoll(std::string(r.get(0, 2)))};
}

// The whole run on its own database; returns the database's name, to drop it once this
// connection is closed.
std::string run(const Options& options) {
  std::printf("statement_bench: %s, bankcsv profile credit_agricole\n",
              options.file.string().c_str());
  std::printf("memory: this process only (PostgreSQL's backends are other processes)\n");

  config::CaisseConfig caisse;
  caisse.id = kCaisse;
  caisse.name = "Bench";
  caisse.currency.code = "MONA";
  caisse.currency.minor_unit = 2;
  caisse.currency.parity_eur = "1.00";

  auto db = must(store::PgConnection::connect(caisse::testing::fresh_database("statement_bench")),
                 "connecting");
  must(store::migrate(db, store::builtin_migrations()), "migrating");
  const std::string database(must(db.exec("SELECT current_database()"), "naming").get(0, 0));
  plugins::FakePluginServices services;
  auto reader = bankcsv_instance(services, options.file.parent_path());

  bench::PhaseClock clock("lines/s");
  std::string content;
  std::size_t lines = 0;
  clock.run("read", [&] {
    content = slurp(options.file);
    return std::size_t{0};
  });
  const double parse_seconds = clock.run("parse", [&] {
    lines = 0;
    must(reader->parse_statement(options.file.filename().string(), content,
                                 [&](plugins::StatementEntry&&) -> Result<void> {
                                   ++lines;
                                   return {};
                                 }),
         "parsing");
    return lines;
  });
  clock.run("key", [&] {
    bank::LineKeys keys;
    std::size_t keyed = 0;
    must(reader->parse_statement(options.file.filename().string(), content,
                                 [&](plugins::StatementEntry&& entry) -> Result<void> {
                                   keyed += keys.next(entry).empty() ? 0 : 1;
                                   return {};
                                 }),
         "keying");
    return keyed;
  });
  bank::StatementImportReport report;
  const double import_seconds = clock.run("import", [&] {
    report = must(bank::import_statement(db, caisse, *reader, options.file.filename().string(),
                                         content, "bench"),
                  "importing");
    return report.lines;
  });
  clock.run("again", [&] {
    auto second = must(bank::import_statement(db, caisse, *reader, options.file.filename().string(),
                                              content, "bench"),
                       "importing again");
    if (!second.already_imported) stop("the same file twice was not recognised");
    return second.lines;
  });

  const StoredTotals stored = stored_totals(db);
  if (report.lines != lines || report.new_lines != lines || stored.lines != lines ||
      stored.in_minor != report.money_in_minor || stored.out_minor != report.money_out_minor) {
    stop("the database does not hold what the import reported: " + std::to_string(stored.lines) +
         " lines stored, " + std::to_string(report.new_lines) + " new of " +
         std::to_string(report.lines) + " reported, " + std::to_string(lines) + " parsed");
  }
  std::printf(
      "lines %zu new %zu matched %zu unmatched %zu money_in_minor %lld "
      "money_out_minor %lld\n",
      report.lines, report.new_lines, report.matched, report.unmatched,
      static_cast<long long>(report.money_in_minor),
      static_cast<long long>(report.money_out_minor));
  std::printf("| %zu | %.2f | %.0f | %.2f | %.0f | %.1f |\n", lines, parse_seconds,
              static_cast<double>(lines) / parse_seconds, import_seconds,
              static_cast<double>(lines) / import_seconds, bench::peak_rss_mib());

  return database;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  const std::string database = run(options);
  if (options.keep_db) {
    std::printf("kept database %s\n", database.c_str());
    return 0;
  }
  auto admin = must(store::PgConnection::connect(caisse::testing::test_database_url()),
                    "connecting to drop the database");
  must(admin.exec("DROP DATABASE IF EXISTS \"" + database + "\""), "dropping " + database);
  return 0;
}
