// GET / : a plain page that tells whoever opened the printed URL what is running and where to
// look next. The full dashboard comes with the admin web interface.
#pragma once

#include "config/daemon_config.hpp"
#include "http/router.hpp"

namespace caisse::host::daemon {

void add_landing_page(http::Router& router, const config::DaemonConfig& config);

}  // namespace caisse::host::daemon
