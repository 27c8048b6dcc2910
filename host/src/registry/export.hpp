// Exporting a caisse's registry as CSV in exactly the format import_csv() reads, so that an
// export imported again changes nothing. Members' personal data (name, email, IBAN) is left out
// unless asked for.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::registry {

enum class ExportKind { households, members, contributions, funders, merchants };

// "households", "members", "contributions", "funders", "merchants"; anything else is
// ErrorKind::invalid.
Result<ExportKind> parse_export_kind(std::string_view text);
std::string_view to_string(ExportKind kind);

struct ExportOptions {
  // Members' name, email and IBAN only when true. Without them the members file has the
  // columns member_id and household_id alone (it cannot be imported back: name is required).
  bool include_personal_data = false;
  // The caisse's currency instances: the merchants file has a ref:<instance> column for each.
  std::vector<std::string> currency_instances = {};
};

// The file, header included, rows ordered by id (contributions by household, then month).
Result<std::string> export_csv(store::PgConnection& db, std::string_view caisse_id, ExportKind kind,
                               const ExportOptions& options = {});

}  // namespace caisse::host::registry
