#include "pain_versions.hpp"

namespace caisse::adapters::sepa {

std::optional<Pain008Version> parse_pain008_version(std::string_view name) {
  if (name == version_name(Pain008Version::v02)) return Pain008Version::v02;
  if (name == version_name(Pain008Version::v08)) return Pain008Version::v08;
  return std::nullopt;
}

std::optional<Pain001Version> parse_pain001_version(std::string_view name) {
  if (name == version_name(Pain001Version::v03)) return Pain001Version::v03;
  if (name == version_name(Pain001Version::v09)) return Pain001Version::v09;
  return std::nullopt;
}

std::string_view version_name(Pain008Version version) {
  return version == Pain008Version::v02 ? "pain.008.001.02" : "pain.008.001.08";
}

std::string_view version_name(Pain001Version version) {
  return version == Pain001Version::v03 ? "pain.001.001.03" : "pain.001.001.09";
}

SchemaYear schema_year(Pain008Version version) {
  return version == Pain008Version::v02 ? SchemaYear::y2009 : SchemaYear::y2019;
}

SchemaYear schema_year(Pain001Version version) {
  return version == Pain001Version::v03 ? SchemaYear::y2009 : SchemaYear::y2019;
}

std::string schema_namespace(std::string_view version_name) {
  return "urn:iso:std:iso:20022:tech:xsd:" + std::string(version_name);
}

}  // namespace caisse::adapters::sepa
