// What a caissectl POST sends besides its Idempotency-Key: the bytes, their type, and for a file
// the name the daemon quotes in its errors ("mandates.csv:4: column iban: ...").
#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"

namespace caisse::host::ctl {

struct RequestBody {
  std::string bytes;
  std::string content_type;              // "" sends no Content-Type (an empty body)
  std::optional<std::string> file_name;  // sent as X-File-Name: the file's name, no directory
};

// The file at `path`, read whole (read_import_file: at most 64 MiB), as `content_type`. Errors
// name the file: it cannot be read, or it is too large.
Result<RequestBody> file_body(const std::string& path, std::string content_type);

// A JSON object, serialized, as application/json.
RequestBody json_body(std::string serialized);

}  // namespace caisse::host::ctl
