// Cyclos dates are ISO 8601 date-times with an offset ("2026-11-24T10:15:00.000-03:00"); the
// SDK counts milliseconds since the Unix epoch, UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::cyclos {

// 0 -> "1970-01-01T00:00:00.000Z".
std::string iso_utc(std::int64_t epoch_ms);

// "2026-11-24T10:15:00Z", "...T10:15:00.123+01:00", "...T10:15:00-0300" -> epoch ms; nullopt for
// anything else.
std::optional<std::int64_t> parse_iso(std::string_view text);

}  // namespace caisse::adapters::cyclos
