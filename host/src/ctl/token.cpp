#include "ctl/token.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace caisse::host::ctl {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

Result<void> check_token(std::string_view token, std::string_view source) {
  if (token.empty()) return make_error(std::string(source) + " is empty");
  for (char c : token) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) {
      return make_error(std::string(source) +
                        ": the token holds a space, a line break or a control character");
    }
  }
  return {};
}

Result<std::string> read_token_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read token file " + path + ": " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  std::string token = content.str();
  std::size_t begin = 0;
  std::size_t end = token.size();
  while (begin < end && is_space(token[begin])) ++begin;
  while (end > begin && is_space(token[end - 1])) --end;
  token = token.substr(begin, end - begin);
  if (auto ok = check_token(token, "token file " + path); !ok) return ok.error();
  return token;
}

}  // namespace caisse::host::ctl
