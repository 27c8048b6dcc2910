#include "adapter_settings.hpp"

#include "file_errors.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

std::filesystem::path existing_dir(const sdk::Host& host, const char* key) {
  std::filesystem::path dir = host.config<std::string>(key);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw sdk::ConfigError(std::string(key) + " \"" + dir.string() + "\" is not a folder");
  }
  return dir;
}

bool same_folder(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

Mapping read_mapping(const sdk::Host& host, const AdapterDefaults& defaults) {
  std::optional<std::filesystem::path> file;
  if (auto name = host.config_string("mapping_file")) file = *name;
  try {
    Mapping mapping = load_mapping(defaults.mapping_text, defaults.mapping_name, file);
    if (auto format = host.config_string("credit_format")) {
      if (*format == "csv") {
        mapping.credit_file.table.format = FileFormat::csv;
      } else if (*format == "xlsx") {
        mapping.credit_file.table.format = FileFormat::xlsx;
      } else {
        throw sdk::ConfigError("credit_format \"" + *format + "\" is neither csv nor xlsx");
      }
    }
    return mapping;
  } catch (const MappingError& e) {
    throw sdk::ConfigError(e.what());
  }
}

}  // namespace

AdapterSettings read_settings(const sdk::Host& host, const AdapterDefaults& defaults) {
  AdapterSettings s;
  s.outbox = existing_dir(host, "outbox_dir");
  s.inbox = existing_dir(host, "inbox_dir");
  s.import = existing_dir(host, "import_dir");
  // Confirmations and exports are both *.csv: in one folder, each reader would choke on the
  // other's files.
  if (same_folder(s.inbox, s.import)) {
    throw sdk::ConfigError("import_dir and inbox_dir must be different folders");
  }
  s.mapping = read_mapping(host, defaults);

  if (auto accounts = host.config_string("accounts_file")) {
    if (!s.mapping.needs_accounts()) {
      throw sdk::ConfigError(
          "accounts_file is set but the mapping uses no account (no \"account\" "
          "column in [credit_file], payer = \"household\" in [transactions])");
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*accounts, ec)) {
      throw sdk::ConfigError("accounts_file \"" + *accounts + "\" is not a file");
    }
    s.accounts_file = *accounts;
  } else if (s.mapping.needs_accounts()) {
    throw sdk::ConfigError(
        "accounts_file is required: the mapping pairs households with accounts "
        "(an \"account\" column in [credit_file] or payer = \"account\")");
  }

  const char* extension = s.mapping.merchants.table.extension();
  std::filesystem::path merchants = host.config_string("merchants_file")
                                        .value_or(std::string("accredited-merchants") + extension);
  if (merchants.extension() != extension) {
    throw sdk::ConfigError("merchants_file \"" + merchants.string() + "\" should end with " +
                           extension + ", the [merchants] format");
  }
  s.merchants_file = merchants.is_absolute() ? merchants : s.outbox / merchants;

  s.credit_file_prefix = host.config<std::string>("credit_file_prefix");
  if (s.credit_file_prefix.empty() || s.credit_file_prefix.find('/') != std::string::npos ||
      s.credit_file_prefix.front() == '.') {
    throw sdk::ConfigError("credit_file_prefix \"" + s.credit_file_prefix +
                           "\" must be a file name start: not empty, no '/', no leading '.'");
  }
  s.currency = host.config<std::string>("currency");
  if (s.currency.empty()) throw sdk::ConfigError("currency is empty");
  const std::int64_t minor_unit = host.config<std::int64_t>("minor_unit");
  if (minor_unit < 0 || minor_unit > 4) throw sdk::ConfigError("minor_unit must be 0 to 4");
  s.minor_unit = static_cast<int>(minor_unit);
  return s;
}

}  // namespace caisse::adapters::file_exchange_kit
