// A real PostgreSQL for tests. With CAISSE_TEST_PG_URL set (scripts/test.sh starts one server
// for the whole run), that server; otherwise one embedded cluster per test process, started on
// first use under /tmp and removed when the process exits.
#pragma once

#include <string>
#include <string_view>

namespace caisse::testing {

// The server's connection string. Throws std::runtime_error if no server can be started.
const std::string& test_database_url();

// A new, empty database on that server, named after `label` and unique to this call; returns
// its connection string. Throws std::runtime_error on failure.
std::string fresh_database(std::string_view label);

}  // namespace caisse::testing
