// Connection strings as libpq understands them: URIs (`postgresql://user:pw@host/db`) and
// `key=value` lists. They can hold a password, so anything that reaches a log goes through
// redact_conninfo first.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::store {

// The same connection string with every password replaced by `***`, normalised to the
// `key='value'` form (libpq parses it, so URIs and key=value lists are both covered). A string
// libpq cannot parse is not echoed at all: it might be a password typed in the wrong place.
std::string redact_conninfo(std::string_view conninfo);

// The same connection string pointing at database `dbname` instead, in `key='value'` form.
Result<std::string> conninfo_with_dbname(std::string_view conninfo, std::string_view dbname);

// `value` quoted for a `key='value'` connection string (quotes and backslashes escaped).
std::string quote_conninfo_value(std::string_view value);

}  // namespace caisse::host::store
