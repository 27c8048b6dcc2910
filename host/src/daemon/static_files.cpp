#include "daemon/static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

#include "digest/sha256.hpp"

namespace caisse::host::daemon {
namespace {

// The page loads only its own scripts, styles and data, cannot be framed, and sends no
// Referer: a token typed into it has nowhere else to go.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".woff2", "font/woff2"},
}};

// The page served at /dashboard/ when no index.html was found at start.
constexpr const char* kNotBuiltPage =
    "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>caissed: tableau de bord absent / dashboard not built</title></head><body>"
    "<h1>Tableau de bord absent / Dashboard not built</h1>"
    "<p>Ce caissed n'a pas trouvé les fichiers du tableau de bord. Construisez-les avec "
    "<code>scripts/build.sh</code> (il faut npm), ou indiquez leur dossier dans "
    "<code>[http] dashboard_dir</code>.</p>"
    "<p>This caissed found no dashboard files. Build them with <code>scripts/build.sh</code> "
    "(it needs npm), or point <code>[http] dashboard_dir</code> at their folder.</p>"
    "</body></html>";

void add_security_headers(http::Response& r) {
  r.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("Cache-Control", "no-cache");
}

http::Response page(unsigned status, std::string content_type, std::string body) {
  http::Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  add_security_headers(r);
  return r;
}

http::Response not_found() {
  return page(404, "text/plain; charset=utf-8", "not found\n");
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// If-None-Match is "*" or a list of entity tags, each maybe weak ("W/\"...\""); a weak
// comparison is what a GET wants (RFC 9110, 13.1.2).
bool none_match(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view tag = trim(header.substr(0, comma));
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

std::optional<std::string> read_whole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

}  // namespace

bool is_servable_name(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  for (char c : name) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '_' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

std::optional<std::string> content_type_for(std::string_view name) {
  for (const auto& [extension, type] : kTypes) {
    if (name.size() > extension.size() &&
        name.substr(name.size() - extension.size()) == extension) {
      return std::string(type);
    }
  }
  return std::nullopt;
}

StaticFiles StaticFiles::load(const std::filesystem::path& dir) {
  StaticFiles files;
  std::error_code ec;
  std::filesystem::directory_iterator entries(dir, ec);
  if (ec) {
    files.problems_.push_back("cannot read " + dir.string() + ": " + ec.message());
    return files;
  }
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    auto type = content_type_for(name);
    if (!entry.is_regular_file(ec) || !is_servable_name(name) || !type) continue;
    if (entry.file_size(ec) > kMaxStaticFileBytes) {
      files.problems_.push_back(name + " is larger than " + std::to_string(kMaxStaticFileBytes) +
                                " bytes: not served");
      continue;
    }
    auto body = read_whole(entry.path());
    if (!body) {
      files.problems_.push_back("cannot read " + entry.path().string());
      continue;
    }
    std::string etag = "\"" + digest::to_hex(digest::sha256(*body)) + "\"";
    files.files_[name] = StaticFile{std::move(*body), std::move(*type), std::move(etag)};
  }
  if (!files.has_index()) files.problems_.push_back("no index.html in " + dir.string());
  return files;
}

const StaticFile* StaticFiles::find(std::string_view name) const {
  auto found = files_.find(name);
  return found == files_.end() ? nullptr : &found->second;
}

http::Response static_file_answer(const StaticFiles& files, std::string_view name,
                                  const http::Request& request) {
  // Files were read by servable names only, so another name finds nothing; checking first
  // says so without relying on it.
  const StaticFile* file = is_servable_name(name) ? files.find(name) : nullptr;
  if (file == nullptr) return not_found();
  if (auto sent = request.header("If-None-Match"); sent && none_match(*sent, file->etag)) {
    http::Response r = page(304, file->content_type, "");
    r.headers.emplace_back("ETag", file->etag);
    return r;
  }
  http::Response r = page(200, file->content_type, file->body);
  r.headers.emplace_back("ETag", file->etag);
  return r;
}

void add_dashboard_files(http::Router& router, std::shared_ptr<const StaticFiles> files) {
  router.add("GET", "/dashboard", [](http::Request&&, http::Responder respond) {
    http::Response r = page(308, "text/plain; charset=utf-8", "/dashboard/\n");
    r.headers.emplace_back("Location", "/dashboard/");
    respond(std::move(r));
  });
  router.add("GET", "/dashboard/", [files](http::Request&& request, http::Responder respond) {
    if (!files->has_index()) {
      return respond(page(404, "text/html; charset=utf-8", kNotBuiltPage));
    }
    respond(static_file_answer(*files, "index.html", request));
  });
  router.add("GET", "/dashboard/{file}", [files](http::Request&& request, http::Responder respond) {
    respond(static_file_answer(*files, request.path_params.at("file"), request));
  });
}

}  // namespace caisse::host::daemon
