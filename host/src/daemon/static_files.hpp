// The web dashboard's files (dashboard/, built by npm into <build>/dashboard): read once at start
// into memory and served at /dashboard/ without a token (the page asks for one and calls the API
// with it). Only a flat folder of known types is served, by names that cannot leave it, with
// headers that keep the page from loading anything but its own files.
//   GET /dashboard          308 to /dashboard/
//   GET /dashboard/         index.html; without one, a page saying how to build the dashboard
//   GET /dashboard/{file}   the file; 304 when If-None-Match has its ETag
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"

namespace caisse::host::daemon {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::string etag;  // "\"<sha256 of the body, hex>\"", quoted as HTTP wants it
};

// A file larger than this is not a page of the dashboard: it is left out, saying so.
inline constexpr std::size_t kMaxStaticFileBytes = 8 * 1024 * 1024;

class StaticFiles {
 public:
  // Reads the regular files directly in `dir` (not its sub-folders) whose names are servable
  // and whose type is known. Never fails: a missing folder gives no files, and whatever was left
  // out is said in problems().
  static StaticFiles load(const std::filesystem::path& dir);

  const StaticFile* find(std::string_view name) const;
  bool has_index() const { return find("index.html") != nullptr; }
  std::size_t size() const { return files_.size(); }
  // One sentence per thing left out or missing, for the start's warnings.
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::map<std::string, StaticFile, std::less<>> files_;
  std::vector<std::string> problems_;
};

// Only letters, digits, '.', '_' and '-', not starting with '.': no path, no hidden file.
bool is_servable_name(std::string_view name);

// The Content-Type for a name by its extension (.html, .js, .css, .json, .svg, .woff2);
// nullopt for any other.
std::optional<std::string> content_type_for(std::string_view name);

// The answer to GET /dashboard/{name}: the file with its ETag (304 when If-None-Match names it),
// or 404. Every answer carries the security headers.
http::Response static_file_answer(const StaticFiles& files, std::string_view name,
                                  const http::Request& request);

// Registers the three routes. `files` is shared by the handlers.
void add_dashboard_files(http::Router& router, std::shared_ptr<const StaticFiles> files);

}  // namespace caisse::host::daemon
