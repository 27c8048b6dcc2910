// The schema versions this adapter writes. The 2009 versions (pain.008.001.02, pain.001.001.03)
// are what most French banks still take; the 2019 ones (.08, .09) are the EPC's since 2023. They
// differ, for us, in how a bank is named (BIC vs BICFI), what stands for an unknown one, and the
// shape of pain.001's execution date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::sepa {

enum class Pain008Version { v02, v08 };
enum class Pain001Version { v03, v09 };

// The schema generation decides how an agent (bank) is written.
enum class SchemaYear { y2009, y2019 };

std::optional<Pain008Version> parse_pain008_version(std::string_view name);
std::optional<Pain001Version> parse_pain001_version(std::string_view name);

std::string_view version_name(Pain008Version version);  // "pain.008.001.02"
std::string_view version_name(Pain001Version version);  // "pain.001.001.03"

SchemaYear schema_year(Pain008Version version);
SchemaYear schema_year(Pain001Version version);

// "urn:iso:std:iso:20022:tech:xsd:" + name: the default namespace of the Document.
std::string schema_namespace(std::string_view version_name);

}  // namespace caisse::adapters::sepa
