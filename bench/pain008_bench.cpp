// One pain.008 direct-debit file of N debits, written by the sepa plugin (sepa.so through the
// host's plugin loader, configured through the daemon's config check) with the same content as
// the npm peer ../shared/bench-peers/sepa-peer.mjs: one creditor, N recurring debits of 45.50 EUR
// from "Foyer i", mandate CCA-M-i signed 2026-01-15, EndToEndId CCA-2026-11-i. Prints each phase's
// wall time and the process's peak resident memory (VmHWM), and writes the file to --out for
// bench/pain008_file.sh to validate with xmllint against the official XSD.
//
//   pain008_bench --debits 100000 --out pain008.xml
//
// A standalone program rather than a Google Benchmark fixture, like the other benchmarks here:
// it is compared with one run of a Node process, so it is timed the same way, once.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include "bench_support.hpp"
#include "fake_plugin_services.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"
#include "temp_dir.hpp"
#include "validated_plugin_config.hpp"

namespace {

using namespace caisse;
using namespace caisse::host;

using bench::stop;

// The peer's creditor (sepa-peer.mjs), as a caisse file would configure the instance.
std::unique_ptr<plugins::PluginInstance> sepa_instance(plugins::PluginServices& services,
                                                       const std::filesystem::path& dir) {
  auto loaded = bench::must(plugins::load_plugin({"sepa", {CAISSE_PLUGIN_DIR}, std::nullopt}),
                            "loading sepa");
  auto config = bench::must(caisse::testing::validated_plugin_config(
                                loaded->descriptor(), "bank",
                                {{"creditor_name", std::string("Caisse Commune")},
                                 {"creditor_iban", std::string("FR1420041010050500013M02606")},
                                 {"creditor_bic", std::string("PSSTFRPPLIL")},
                                 {"creditor_id", std::string("FR72ZZZ123456")}},
                                dir),
                            "configuring sepa");
  return bench::must(
      plugins::PluginInstance::create(loaded, "bench", "bank", std::move(config), services),
      "starting sepa");
}

plugins::DebitBatch peer_batch(std::size_t n) {
  plugins::DebitBatch batch;
  batch.message_id = "CAISSE-2026-11-001";
  batch.created_at = "2026-11-24T10:00:00";
  batch.collection_date = "2026-11-29";
  batch.debits.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    plugins::Debit d;
    d.end_to_end_id = "CCA-2026-11-" + std::to_string(i);
    d.mandate_id = "CCA-M-" + std::to_string(i);
    d.mandate_signed_on = "2026-01-15";
    d.sequence = plugins::SequenceType::recurring;
    d.debtor_name = "Foyer " + std::to_string(i);
    d.debtor_iban = "FR7630006000011234567890189";
    d.amount = {4550, "EUR"};
    d.remittance = "Cotisation novembre 2026";
    batch.debits.push_back(std::move(d));
  }
  return batch;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t debits = 100000;
  std::filesystem::path out;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view arg = argv[i];
    if (arg == "--debits") {
      debits = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (arg == "--out") {
      out = argv[i + 1];
    }
  }
  if (out.empty() || debits == 0 || argc != 5) {
    stop("usage: pain008_bench --debits N --out FILE.xml");
  }
  std::printf("pain008_bench: %zu debits, sepa plugin, pain.008.001.02\n", debits);

  plugins::FakePluginServices services;
  caisse::testing::TempDir dir;
  auto writer = sepa_instance(services, dir.path());
  plugins::DebitBatch batch;
  std::string xml;
  bench::PhaseClock clock("debits/s");
  clock.run("batch", [&] {
    batch = peer_batch(debits);
    return std::size_t{0};
  });
  clock.run("write", [&] {
    xml = bench::must(writer->write_debits(batch), "writing the debits");
    return debits;
  });
  clock.run("save", [&] {
    std::ofstream file(out, std::ios::binary);
    file.write(xml.data(), static_cast<std::streamsize>(xml.size()));
    if (!file.flush()) stop("cannot write " + out.string());
    return std::size_t{0};
  });
  std::printf("bytes %zu\n", xml.size());
  return 0;
}
