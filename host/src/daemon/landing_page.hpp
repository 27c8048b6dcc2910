// GET / : a plain page that tells whoever opened the printed URL what is running and where to
// look next, first of all the web dashboard at /dashboard/ (static_files.hpp).
#pragma once

#include "config/daemon_config.hpp"
#include "http/router.hpp"

namespace caisse::host::daemon {

void add_landing_page(http::Router& router, const config::DaemonConfig& config);

}  // namespace caisse::host::daemon
