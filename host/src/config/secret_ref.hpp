// A secret in the configuration is never the secret itself but a reference to where it lives:
// `env:NAME` (an environment variable) or `file:PATH` (a file, relative paths from the
// configuration file's folder). Keeping values out of TOML keeps them out of repositories,
// backups of /etc and `--check-config` output. A few settings that are not always secret
// (storage.url) also accept a plain value; the loader decides which.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::config {

class SecretRef {
 public:
  enum class Kind { env, file, literal };

  // "env:NAME" or "file:PATH" (PATH made absolute against base_dir). Anything else is an error
  // when literal_allowed is false, otherwise a literal value. The error never repeats the text,
  // which may be the secret an operator pasted by mistake.
  static Result<SecretRef> parse(std::string_view text, const std::filesystem::path& base_dir,
                                 bool literal_allowed);

  // The secret: the variable's value, or the file's content without its trailing newline(s).
  // An unset or empty variable and an unreadable or empty file are errors naming the reference.
  Result<std::string> resolve() const;

  Kind kind() const { return kind_; }
  // "env:NAME", "file:/abs/path", or "(inline value)": safe to print.
  std::string describe() const;

 private:
  SecretRef(Kind kind, std::string target) : kind_(kind), target_(std::move(target)) {}

  Kind kind_;
  std::string target_;  // variable name, absolute file path, or the literal value
};

}  // namespace caisse::host::config
