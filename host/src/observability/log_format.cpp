#include "observability/log_format.hpp"

#include <cstdio>
#include <ctime>
#include <set>

#include "core/utf8.hpp"

namespace caisse::host::observability {
namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_key_start(char c) {
  return is_letter(c) || c == '_';
}
bool is_key_char(char c) {
  return is_key_start(c) || is_digit(c) || c == '.' || c == '-';
}

void append(spdlog::memory_buf_t& dest, std::string_view text) {
  dest.append(text.data(), text.data() + text.size());
}

class LineFormatter final : public spdlog::formatter {
 public:
  explicit LineFormatter(LogFormat format) : format_(format) {}

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string timestamp = utc_timestamp(msg.time);
    std::string_view payload(msg.payload.data(), msg.payload.size());
    std::string line = format_ == LogFormat::json
                           ? json_log_line(timestamp, level_name(msg.level), payload)
                           : text_log_line(timestamp, level_name(msg.level), payload);
    line.push_back('\n');
    append(dest, line);
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<LineFormatter>(format_);
  }

 private:
  LogFormat format_;
};

}  // namespace

ParsedLogMessage parse_log_message(std::string_view message) {
  ParsedLogMessage out;
  std::vector<std::string_view> words;
  const std::size_t n = message.size();
  auto word_end = [&](std::size_t from) {
    std::size_t end = message.find(' ', from);
    return end == std::string_view::npos ? n : end;
  };
  std::size_t i = 0;
  while (i < n) {
    if (message[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t eq = i;
    if (is_key_start(message[eq])) {
      ++eq;
      while (eq < n && is_key_char(message[eq])) ++eq;
    }
    if (eq > i && eq < n && message[eq] == '=') {
      std::string key(message.substr(i, eq - i));
      std::size_t v = eq + 1;
      if (v < n && message[v] == '"') {
        std::string value;
        std::size_t k = v + 1;
        bool closed = false;
        while (k < n) {
          char c = message[k];
          if (c == '\\' && k + 1 < n && (message[k + 1] == '"' || message[k + 1] == '\\')) {
            value.push_back(message[k + 1]);
            k += 2;
          } else if (c == '"') {
            closed = true;
            ++k;
            break;
          } else {
            value.push_back(c);
            ++k;
          }
        }
        if (closed && (k == n || message[k] == ' ')) {
          out.fields.push_back({std::move(key), std::move(value)});
          i = k;
          continue;
        }
      } else {
        std::size_t end = word_end(v);
        out.fields.push_back({std::move(key), std::string(message.substr(v, end - v))});
        i = end;
        continue;
      }
    }
    std::size_t end = word_end(i);
    words.push_back(message.substr(i, end - i));
    i = end;
  }
  if (out.fields.empty()) {
    out.msg = std::string(message);
  } else {
    for (std::string_view word : words) {
      if (!out.msg.empty()) out.msg.push_back(' ');
      out.msg.append(word);
    }
  }
  return out;
}

std::string json_quote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      std::size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out.push_back(kHex[byte >> 4]);
          out.push_back(kHex[byte & 0xF]);
        } else {
          out.push_back(c);
        }
    }
    ++i;
  }
  out.push_back('"');
  return out;
}

std::string utc_timestamp(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  auto seconds = floor<std::chrono::seconds>(time);
  auto ms = duration_cast<milliseconds>(time - seconds).count();
  std::time_t t = system_clock::to_time_t(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buffer;
}

std::string_view level_name(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
      return "trace";
    case spdlog::level::debug:
      return "debug";
    case spdlog::level::info:
      return "info";
    case spdlog::level::warn:
      return "warn";
    case spdlog::level::err:
      return "error";
    case spdlog::level::critical:
      return "critical";
    default:
      return "off";
  }
}

std::string json_log_line(std::string_view timestamp, std::string_view level,
                          std::string_view message) {
  ParsedLogMessage parsed = parse_log_message(message);
  std::string out = "{\"ts\":" + json_quote(timestamp) + ",\"level\":" + json_quote(level);
  std::set<std::string, std::less<>> used{"ts", "level", "msg"};
  for (const LogField& field : parsed.fields) {
    std::string key = field.key;
    for (int n = 2; used.contains(key); ++n) key = field.key + '_' + std::to_string(n);
    out += ',' + json_quote(key) + ':' + json_quote(field.value);
    used.insert(std::move(key));
  }
  if (parsed.fields.empty() || !parsed.msg.empty()) out += ",\"msg\":" + json_quote(parsed.msg);
  out.push_back('}');
  return out;
}

std::string text_log_line(std::string_view timestamp, std::string_view level,
                          std::string_view message) {
  std::string out;
  out.reserve(timestamp.size() + level.size() + message.size() + 2);
  out.append(timestamp).append(" ").append(level).append(" ");
  for (char c : message) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::unique_ptr<spdlog::formatter> make_log_formatter(LogFormat format) {
  return std::make_unique<LineFormatter>(format);
}

}  // namespace caisse::host::observability
