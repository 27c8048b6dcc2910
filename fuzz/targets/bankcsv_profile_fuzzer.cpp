// An operator's own CSV profile and a file read with it: the input is the profile's TOML, a line
// "---", then the CSV file. Presets are few and tame; a profile of one's own can combine
// settings no preset does (the same character as delimiter and quote or decimal separator,
// a header searched for, filters, markers), so the reader meets layouts the presets never
// give it. The profile must load or be refused with ConfigError naming the file; the file is
// then held to what fuzz_bankcsv checks.
#include <caisse/sdk.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz_input.hpp"
#include "refusal.hpp"
#include "statement_contract.hpp"
#include "statement_reader.hpp"

namespace {

namespace bankcsv = caisse::adapters::bankcsv;

std::optional<bankcsv::CsvProfile> profile(std::string_view toml) {
  try {
    return bankcsv::load_profile_text(toml, "profile.toml");
  } catch (const caisse::sdk::ConfigError& error) {
    caisse::fuzz::check_refusal(error, CAISSE_STATUS_INVALID_ARGUMENT, "profile.toml:");
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::string_view separator = "\n---\n";
  const std::string_view input = caisse::fuzz::as_text(data, size);
  const std::size_t split = input.find(separator);
  const auto loaded = profile(input.substr(0, split));
  if (!loaded) return 0;
  const std::string_view file =
      split == std::string_view::npos ? std::string_view{} : input.substr(split + separator.size());
  try {
    bankcsv::read_statement(*loaded, "bank.csv", file, caisse::fuzz::check_statement_entry);
  } catch (const caisse::sdk::StatusError& error) {
    caisse::fuzz::check_refusal(error, CAISSE_STATUS_INVALID_ARGUMENT, "bank.csv:");
  }
  return 0;
}
