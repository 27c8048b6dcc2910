#include "plugins/plugin_loader.hpp"

#include <dlfcn.h>
#include <sys/stat.h>

#include <boost/dll/shared_library.hpp>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string_view>
#include <system_error>

#include "plugins/descriptor_check.hpp"
#include "plugins/file_sha256.hpp"

namespace caisse::host::plugins {
namespace {

namespace fs = std::filesystem;

Error refused(const fs::path& file, const std::string& reason) {
  return make_error(file.string() + ": refused: " + reason);
}

// The name becomes a file name: no separators, no dots, nothing to escape in a log line.
bool is_plugin_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

std::optional<fs::path> find_file(const PluginLoadRequest& request) {
  for (const fs::path& dir : request.dirs) {
    fs::path candidate = dir / (request.name + ".so");
    std::error_code ec;
    if (fs::exists(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

Error not_found(const PluginLoadRequest& request) {
  if (request.dirs.empty()) {
    return make_error("plugin " + request.name + ": not found: no plugin directory configured");
  }
  std::string dirs;
  for (const fs::path& dir : request.dirs) dirs += (dirs.empty() ? "" : ", ") + dir.string();
  return make_error("plugin " + request.name + ": not found in " + dirs);
}

std::string octal_mode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

// Whoever can write the file or replace it in its directory can run code in the daemon.
Result<void> check_permissions(const fs::path& file, const fs::path& real) {
  struct stat st {};
  if (::stat(real.c_str(), &st) != 0)
    return refused(file, std::string("cannot stat: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return refused(file, "not a regular file");
  if ((st.st_mode & S_IWOTH) != 0) {
    return refused(file, "the file is writable by everyone (mode " + octal_mode(st.st_mode) + ")");
  }
  const fs::path dir = real.parent_path();
  struct stat dir_st {};
  if (::stat(dir.c_str(), &dir_st) != 0) {
    return refused(file, "cannot stat its directory " + dir.string() + ": " + std::strerror(errno));
  }
  if ((dir_st.st_mode & S_IWOTH) != 0) {
    return refused(file, "its directory " + dir.string() + " is writable by everyone (mode " +
                             octal_mode(dir_st.st_mode) + ")");
  }
  return {};
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Boost.DLL clears dlerror() and reports a generic code; ask the dynamic loader again for its
// own explanation (a missing dependency, an undefined symbol, a foreign architecture).
std::string dlopen_message(const fs::path& real, const std::error_code& ec) {
  void* handle = ::dlopen(real.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle != nullptr) {
    ::dlclose(handle);
    return ec.message();
  }
  const char* message = ::dlerror();
  return message != nullptr ? message : ec.message();
}

// The entry point must not throw, but a C++ plugin's might: it must not take the host down.
Result<const caisse_plugin_t*> call_entry(caisse_plugin_entry_fn entry) {
  try {
    return entry();
  } catch (const std::exception& e) {
    return make_error(std::string("caisse_plugin_entry threw: ") + e.what());
  } catch (...) {
    return make_error("caisse_plugin_entry threw an exception");
  }
}

}  // namespace

Result<std::shared_ptr<LoadedPlugin>> load_plugin(const PluginLoadRequest& request) {
  if (!is_plugin_name(request.name)) {
    return make_error("plugin " + request.name + ": refused: the name must match [a-z0-9_-]+");
  }
  const std::optional<fs::path> file = find_file(request);
  if (!file) return not_found(request);

  std::error_code ec;
  const fs::path real = fs::canonical(*file, ec);
  if (ec) return refused(*file, "cannot resolve: " + ec.message());
  if (auto permitted = check_permissions(*file, real); !permitted) return permitted.error();

  // Hashed before loading; the permission checks above are what keep it from changing between.
  Result<std::string> sha256 = file_sha256(real);
  if (!sha256) return refused(*file, sha256.error().message);
  if (request.sha256 && lower(*request.sha256) != *sha256) {
    return refused(*file, "SHA-256 is " + *sha256 + ", the configuration pins " + *request.sha256);
  }

  auto library = std::make_shared<boost::dll::shared_library>();
  library->load(real, ec, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (ec) return refused(*file, "dlopen failed: " + dlopen_message(real, ec));
  if (!library->has(CAISSE_PLUGIN_ENTRY_SYMBOL)) {
    return refused(*file, std::string("no symbol ") + CAISSE_PLUGIN_ENTRY_SYMBOL +
                              ": not a caisse plugin, or built without CAISSE_PLUGIN");
  }
  Result<const caisse_plugin_t*> descriptor =
      call_entry(&library->get<const caisse_plugin_t*()>(CAISSE_PLUGIN_ENTRY_SYMBOL));
  if (!descriptor) return refused(*file, descriptor.error().message);
  if (*descriptor == nullptr) {
    return refused(*file, std::string(CAISSE_PLUGIN_ENTRY_SYMBOL) + " returned NULL");
  }
  if (auto checked = check_descriptor(**descriptor, request.name); !checked) {
    return refused(*file, checked.error().message);
  }
  return std::make_shared<LoadedPlugin>(std::move(library), **descriptor, real, *sha256);
}

}  // namespace caisse::host::plugins
