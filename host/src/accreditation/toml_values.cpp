#include "accreditation/toml_values.hpp"

#include "config/caisse_file.hpp"
#include "csv/iso_date.hpp"

namespace caisse::host::accreditation {
namespace {

bool is_version(std::string_view text) {
  if (text.empty() || text.size() > 32) return false;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string read_identifier(config::TableReader& reader, std::string_view key) {
  auto text = reader.string(key, config::Presence::required);
  if (!text) return "";
  if (!config::is_identifier(*text)) {
    reader.error(key, "\"" + *text + "\" " + kIdentifierRule);
    return "";
  }
  return *text;
}

std::string read_version(config::TableReader& reader, std::string_view key) {
  auto text = reader.string(key, config::Presence::required);
  if (!text) return "";
  if (!is_version(*text)) {
    reader.error(key, "\"" + *text + "\" must be 1 to 32 letters, digits, '.', '-' or '_'");
    return "";
  }
  return *text;
}

std::string read_text(config::TableReader& reader, std::string_view key) {
  auto text = reader.string(key, config::Presence::required);
  if (!text) return "";
  if (text->find_first_not_of(" \t") == std::string::npos) {
    reader.error(key, "must not be empty");
    return "";
  }
  return *text;
}

std::string read_date(config::TableReader& reader, std::string_view key) {
  auto text = reader.string(key, config::Presence::required);
  if (!text) return "";
  if (auto date = csv::parse_date(*text); !date) {
    reader.error(key, date.error().message);
    return "";
  }
  return *text;
}

}  // namespace caisse::host::accreditation
