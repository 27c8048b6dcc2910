// The admin API's description, docs/api/openapi.json, as it was when the daemon was built (the
// CMake step cmake/EmbedFile.cmake turns it into openapi_document.cpp): the daemon serves it at
// GET /api/v1/openapi.json and checks its own routes against it, without reading the source tree.
#pragma once

#include <string_view>

namespace caisse::host::daemon {

// The file's bytes. LIFETIME: static.
std::string_view openapi_document();

}  // namespace caisse::host::daemon
