// How one log line is written, in text or JSON. The host logs `event=x key=value key2="quoted
// value"` messages; the JSON format turns those fields into JSON members so a log pipeline can
// index them without parsing text. Everything here is pure except the spdlog formatter, which
// only calls the pure functions.
#pragma once

#include <spdlog/formatter.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::host::observability {

enum class LogFormat { text, json };

struct LogField {
  std::string key;
  std::string value;

  bool operator==(const LogField&) const = default;
};

// A message split into its key=value fields, in order, and the words that are not fields.
struct ParsedLogMessage {
  std::vector<LogField> fields;
  std::string msg;  // the non-field words joined by one space; the whole message if no field
};

// Splits a message on spaces into `key=value` fields. A key is a letter or '_' followed by
// letters, digits, '_', '.' or '-'. A value is either bare (up to the next space, possibly
// empty) or double-quoted, where \" stands for a quote and \\ for a backslash (any other
// backslash is kept as is); a quoted value ends at its closing quote, which must be followed by
// a space or the end. Any word that does not follow this grammar (no '=', an unterminated quote,
// text glued after the closing quote) goes to `msg` unchanged. Never fails.
ParsedLogMessage parse_log_message(std::string_view message);

// `text` as a JSON string literal, quotes included: ", \ and control characters escaped
// (\n, \r, \t, \b, \f, else \u00XX); valid UTF-8 passes through; bytes that are not valid UTF-8
// become U+FFFD so the line stays valid JSON whatever a plugin logs.
std::string json_quote(std::string_view text);

// "2026-03-01T08:15:42.123Z": UTC, ISO-8601, milliseconds.
std::string utc_timestamp(std::chrono::system_clock::time_point time);

// The level as written in both formats and accepted by configure_logging: trace, debug, info,
// warn, error, critical, off.
std::string_view level_name(spdlog::level::level_enum level);

// One JSON object, no trailing newline: {"ts":..,"level":..,<fields in order>,"msg":..}. "msg"
// appears only when the message has non-field words. A field named like a member already
// written (ts, level, msg, or a repeated key) is written as key_2, key_3... so no member is
// ever lost or duplicated.
std::string json_log_line(std::string_view timestamp, std::string_view level,
                          std::string_view message);

// "2026-03-01T08:15:42.123Z info event=x key=value", no trailing newline. A line break inside the
// message is written as the two characters \n (and \r likewise) so one event stays one line.
std::string text_log_line(std::string_view timestamp, std::string_view level,
                          std::string_view message);

// An spdlog formatter writing one line (text_log_line or json_log_line, then '\n') per message.
std::unique_ptr<spdlog::formatter> make_log_formatter(LogFormat format);

}  // namespace caisse::host::observability
