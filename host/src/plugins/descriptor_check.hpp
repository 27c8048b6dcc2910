// The checks a plugin's descriptor passes before the host calls anything in it: the ABI version,
// the sizes of the tables it will read, the name, the roles and their hook tables, the config
// schema. The host fails closed: a descriptor it cannot fully trust is refused, with the reason.
#pragma once

#include <caisse/sdk.h>

#include <string_view>

#include "core/result.hpp"

namespace caisse::host::plugins {

// The reason the descriptor is refused (the loader prefixes the file), or ok. file_stem is the
// plugin name the file was looked up by (hello for hello.so).
Result<void> check_descriptor(const caisse_plugin_t& descriptor, std::string_view file_stem);

}  // namespace caisse::host::plugins
