#include "ctl/request_body.hpp"

#include <filesystem>
#include <utility>

#include "ctl/import_file.hpp"

namespace caisse::host::ctl {

Result<RequestBody> file_body(const std::string& path, std::string content_type) {
  auto content = read_import_file(path);
  if (!content) return content.error();
  RequestBody body;
  body.bytes = std::move(content.value());
  body.content_type = std::move(content_type);
  body.file_name = std::filesystem::path(path).filename().string();
  return body;
}

RequestBody json_body(std::string serialized) {
  RequestBody body;
  body.bytes = std::move(serialized);
  body.content_type = "application/json";
  return body;
}

}  // namespace caisse::host::ctl
