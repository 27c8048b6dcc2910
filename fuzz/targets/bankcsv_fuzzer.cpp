// A bank's CSV export read with one of the presets in adapters/bankcsv/profiles/: the input's
// first line names the preset ("credit_agricole"; any other text picks one by the sum of its
// bytes, so that mutations still reach them all), the rest is the file. The reader must accept the
// file or refuse it with its StatusError; every line it hands back must keep the SDK's promises.
#include <caisse/sdk.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_input.hpp"
#include "refusal.hpp"
#include "statement_contract.hpp"
#include "statement_reader.hpp"

namespace {

using caisse::adapters::bankcsv::CsvProfile;

struct Preset {
  std::string name;
  CsvProfile profile;
};

const CsvProfile& preset(std::string_view line) {
  static const std::vector<Preset> presets = [] {
    std::vector<Preset> out;
    for (const auto& name : caisse::adapters::bankcsv::preset_names()) {
      out.push_back({name, caisse::adapters::bankcsv::load_preset(name)});
    }
    return out;
  }();
  for (const Preset& named : presets) {
    if (named.name == line) return named.profile;
  }
  std::size_t sum = 0;
  for (const char c : line) sum += static_cast<unsigned char>(c);
  return presets[sum % presets.size()].profile;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caisse::fuzz::FuzzInput input(data, size);
  const CsvProfile& profile = preset(input.line());
  try {
    caisse::adapters::bankcsv::read_statement(profile, "bank.csv", input.rest(),
                                              caisse::fuzz::check_statement_entry);
  } catch (const caisse::sdk::StatusError& error) {
    caisse::fuzz::check_refusal(error, CAISSE_STATUS_INVALID_ARGUMENT, "bank.csv:");
  }
  return 0;
}
