// The required values grids and evaluations share, read through config::TableReader so that
// their errors have the same form as every other TOML file of caissed: an identifier, a
// non-empty text, a grid version and a date. Each returns "" after reporting a problem.
#pragma once

#include <string>
#include <string_view>

#include "config/toml_reader.hpp"

namespace caisse::host::accreditation {

inline constexpr char kIdentifierRule[] =
    "must be lowercase letters, digits, '-' or '_' (at most 63)";

// A lowercase identifier ("montpellier", "acces_pmr").
std::string read_identifier(config::TableReader& reader, std::string_view key);

// A version name: 1 to 32 letters, digits, '.', '-' or '_' ("2026-1").
std::string read_version(config::TableReader& reader, std::string_view key);

// Any text but an empty (or blank) one.
std::string read_text(config::TableReader& reader, std::string_view key);

// A calendar date as a string "YYYY-MM-DD".
std::string read_date(config::TableReader& reader, std::string_view key);

}  // namespace caisse::host::accreditation
