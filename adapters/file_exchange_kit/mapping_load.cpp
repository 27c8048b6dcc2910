// Reads a mapping: the default's sections, each replaced by the operator's when the operator's
// file has it, then each section checked strictly (see mapping_sections.hpp).
#include <fstream>
#include <sstream>

#include "file_errors.hpp"
#include "mapping.hpp"
#include "mapping_sections.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

std::optional<toml::table> parse(std::string_view text, const std::string& name,
                                 Diagnostics& diagnostics) {
  try {
    return toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    diagnostics.error(place_of(name, e.source()), "", e.description());
    return std::nullopt;
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MappingError(path.string() + ": cannot read the mapping file");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// A section, from the operator's file when it has one, else from the default.
struct Picked {
  const toml::table* table = nullptr;
  std::string file;
};

}  // namespace

bool CreditFileMapping::uses(std::string_view field) const {
  for (const auto& column : columns) {
    if (!column.is_constant && column.field == field) return true;
  }
  return false;
}

bool Mapping::needs_accounts() const {
  return credit_file.uses("account") || transactions.payer == PayerKind::account;
}

Mapping load_mapping(std::string_view default_text, std::string_view default_name,
                     const std::optional<std::filesystem::path>& operator_file) {
  Diagnostics diagnostics;
  const std::string default_file(default_name);
  std::optional<toml::table> defaults = parse(default_text, default_file, diagnostics);
  std::optional<toml::table> overrides;
  std::string operator_name;
  if (operator_file) {
    operator_name = operator_file->string();
    overrides = parse(read_file(*operator_file), operator_name, diagnostics);
  }
  if (!diagnostics.empty()) throw MappingError(diagnostics.joined());

  StrictTable default_root(*defaults, default_file, "", diagnostics);
  std::optional<StrictTable> operator_root;
  if (overrides) operator_root.emplace(*overrides, operator_name, "", diagnostics);
  const auto pick = [&](std::string_view key, bool required) {
    Picked picked;
    if (operator_root) {
      picked = {operator_root->table(key), operator_name};
    }
    const toml::table* fallback = default_root.table(key, required && picked.table == nullptr);
    if (picked.table == nullptr) picked = {fallback, default_file};
    return picked;
  };

  Mapping mapping;
  std::optional<std::string> zone;
  std::string zone_file = default_file;
  if (operator_root) {
    zone = operator_root->string("timezone");
    if (zone) zone_file = operator_name;
  }
  if (const auto default_zone = default_root.string("timezone"); !zone) zone = default_zone;
  if (zone) {
    if (const auto known = time_zone_named(*zone)) {
      mapping.time_zone = *known;
    } else {
      StrictTable& root = zone_file == default_file ? default_root : *operator_root;
      root.error("timezone", "\"" + *zone + "\" is not one of \"Europe/Paris\", \"UTC\"");
    }
  }

  SectionChecks checks;
  if (const Picked p = pick("credit_file", true); p.table) {
    StrictTable t(*p.table, p.file, "credit_file", diagnostics);
    mapping.credit_file = read_credit_file(t, checks);
  }
  if (const Picked p = pick("confirmation", true); p.table) {
    StrictTable t(*p.table, p.file, "confirmation", diagnostics);
    mapping.confirmation = read_confirmation(t);
  }
  if (const Picked p = pick("transactions", true); p.table) {
    StrictTable t(*p.table, p.file, "transactions", diagnostics);
    mapping.transactions = read_transactions(t, checks);
  }
  if (const Picked p = pick("merchants", true); p.table) {
    StrictTable t(*p.table, p.file, "merchants", diagnostics);
    mapping.merchants = read_merchants(t);
  }
  if (const Picked p = pick("accounts", false); p.table) {
    StrictTable t(*p.table, p.file, "accounts", diagnostics);
    mapping.accounts = read_accounts(t);
  }
  default_root.finish();
  if (operator_root) operator_root->finish();
  if (!mapping.accounts) {
    for (const auto& [place, key] : checks.account_uses) {
      diagnostics.error(place, key, "needs an [accounts] section, to pair households and accounts");
    }
  }
  if (!diagnostics.empty()) throw MappingError(diagnostics.joined());
  return mapping;
}

}  // namespace caisse::adapters::file_exchange_kit
