// The date forms of ISO 20022 messages (xs:date, xs:dateTime), checked before they go into a file:
// an XSD-invalid date makes the bank refuse the whole file.
#pragma once

#include <string_view>

namespace caisse::adapters::sepa {

// "2026-11-24": a real calendar day.
bool is_iso_date(std::string_view text);

// "2026-11-24T10:00:00", with optional fractional seconds and an optional "Z" or "+hh:mm".
bool is_iso_date_time(std::string_view text);

}  // namespace caisse::adapters::sepa
