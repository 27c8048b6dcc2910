// The configuration keys every file adapter declares (the same for Moneko, UpCoop and Kohinos;
// only some defaults differ), as the constexpr array CAISSE_PLUGIN needs:
//
//   constexpr auto moneko_config = kit::config_schema("MNK", "moneko-credits");
#pragma once

#include <caisse/sdk.hpp>

#include <array>

namespace caisse::adapters::file_exchange_kit {

// `default_currency` nullptr makes `currency` required (no sensible default for the system).
constexpr std::array<caisse_config_field_t, 10> config_schema(const char* default_currency,
                                                              const char* default_prefix) {
  namespace field = caisse::sdk::field;
  const caisse_config_field_t currency =
      default_currency == nullptr
          ? field::required(field::string("currency", nullptr,
                                          "Currency code of the caisse (its [currency] code)."))
          : field::string("currency", default_currency,
                          "Currency code of the caisse (its [currency] code).");
  return {
      field::required(field::string(
          "outbox_dir", nullptr,
          "Folder where caissed writes credit files and the accredited-merchant file.")),
      field::required(field::string("inbox_dir", nullptr,
                                    "Folder where the operator drops confirmation files (*.csv).")),
      field::required(field::string(
          "import_dir", nullptr, "Folder where the operator drops transaction exports (*.csv).")),
      field::string("mapping_file", nullptr,
                    "TOML column mapping; each of its sections replaces the default's."),
      field::string("accounts_file", nullptr,
                    "CSV file pairing households with their accounts or cards ([accounts])."),
      field::string("merchants_file", nullptr,
                    "Accredited-merchant file, in outbox_dir unless a path "
                    "(default accredited-merchants.csv or .xlsx)."),
      field::string("credit_file_prefix", default_prefix,
                    "Start of each credit file's name: PREFIX-YYYY-MM-DD-N.csv (or .xlsx)."),
      field::string("credit_format", nullptr,
                    "csv or xlsx: overrides the mapping's [credit_file] format."),
      currency,
      field::integer("minor_unit", "2", "Decimals of the currency (0 to 4)."),
  };
}

}  // namespace caisse::adapters::file_exchange_kit
