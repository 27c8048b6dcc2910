// bankcsv: a STATEMENT adapter for the CSV exports of French banks. A profile says how the
// bank's file is laid out (encoding, delimiter, preamble, date and amount formats, which
// column holds what); presets for the common banks ship in profiles/, and an operator can
// write one for any other bank. README.md has the profile reference.
#include <caisse/sdk.hpp>

#include <array>
#include <string>
#include <string_view>

#include "csv_profile.hpp"
#include "statement_reader.hpp"

namespace {

namespace sdk = caisse::sdk;
namespace bankcsv = caisse::adapters::bankcsv;

constexpr std::array bankcsv_config{
    sdk::field::string("profile", "",
                       "A preset for the bank's export: credit_agricole, credit_mutuel, cic, "
                       "la_banque_postale, societe_generale, societe_generale_detail, "
                       "bnp_paribas, bpce, qonto."),
    sdk::field::string("profile_file", "",
                       "A TOML profile of the bank's export, for a bank without a preset."),
};

// Exactly one of the two keys; the profile is read, and refused whole, at init.
bankcsv::CsvProfile configured_profile(const sdk::Host& host) {
  const auto preset = host.config<std::string>("profile");
  const auto file = host.config<std::string>("profile_file");
  if (preset.empty() == file.empty()) {
    throw sdk::ConfigError(
        "give either profile (a preset) or profile_file (a TOML profile), exactly one");
  }
  return preset.empty() ? bankcsv::load_profile_file(file) : bankcsv::load_preset(preset);
}

class BankCsv {
 public:
  explicit BankCsv(sdk::Host host) : profile_(configured_profile(host)) {}

  void parse_statement(std::string_view file_name, std::string_view content,
                       const sdk::StatementSink& emit) {
    bankcsv::read_statement(profile_, file_name, content, emit);
  }

 private:
  bankcsv::CsvProfile profile_;
};

}  // namespace

CAISSE_PLUGIN(BankCsv, "bankcsv", "1.0.0", "Bank statements from a bank's CSV export.",
              bankcsv_config)
