#include "config/secret_ref.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace caisse::host::config {
namespace {

bool is_env_name(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string without_trailing_newlines(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

Result<SecretRef> SecretRef::parse(std::string_view text, const std::filesystem::path& base_dir,
                                   bool literal_allowed) {
  if (text.starts_with("env:")) {
    std::string name(text.substr(4));
    if (!is_env_name(name)) {
      return make_error("env: reference needs a variable name ([A-Za-z_][A-Za-z0-9_]*)");
    }
    return SecretRef(Kind::env, std::move(name));
  }
  if (text.starts_with("file:")) {
    std::filesystem::path path(text.substr(5));
    if (path.empty()) return make_error("file: reference needs a path");
    if (path.is_relative()) path = base_dir / path;
    return SecretRef(Kind::file, path.lexically_normal().string());
  }
  if (literal_allowed) return SecretRef(Kind::literal, std::string(text));
  return make_error("is a secret: give a reference, env:NAME or file:PATH, not the value itself");
}

Result<std::string> SecretRef::resolve() const {
  switch (kind_) {
    case Kind::literal:
      return target_;
    case Kind::env: {
      const char* value = std::getenv(target_.c_str());
      if (value == nullptr || *value == '\0') {
        return make_error("environment variable " + target_ + " is not set or empty");
      }
      return std::string(value);
    }
    case Kind::file: {
      std::ifstream in(target_, std::ios::binary);
      if (!in) return make_error("cannot read secret file " + target_);
      std::ostringstream content;
      content << in.rdbuf();
      std::string value = without_trailing_newlines(content.str());
      if (value.empty()) return make_error("secret file " + target_ + " is empty");
      return value;
    }
  }
  return make_error("unknown secret reference kind");
}

std::string SecretRef::describe() const {
  switch (kind_) {
    case Kind::env:
      return "env:" + target_;
    case Kind::file:
      return "file:" + target_;
    case Kind::literal:
      return "(inline value)";
  }
  return "(unknown)";
}

}  // namespace caisse::host::config
