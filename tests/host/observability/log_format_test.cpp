#include "observability/log_format.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace caisse::host::observability {
namespace {

using Fields = std::vector<LogField>;

TEST(ParseLogMessage, ReadsBareAndQuotedFieldsInOrder) {
  auto parsed = parse_log_message(R"(event=start version=0.1.0 reason="config file missing")");
  EXPECT_EQ(parsed.fields,
            (Fields{{"event", "start"}, {"version", "0.1.0"}, {"reason", "config file missing"}}));
  EXPECT_EQ(parsed.msg, "");
}

TEST(ParseLogMessage, UnescapesQuoteAndBackslashInQuotedValues) {
  auto parsed = parse_log_message(R"(event=x said="a \"b\" c\\d" path="C:\tmp")");
  EXPECT_EQ(parsed.fields,
            (Fields{{"event", "x"}, {"said", R"(a "b" c\d)"}, {"path", R"(C:\tmp)"}}));
}

TEST(ParseLogMessage, EmptyValuesAreFields) {
  auto parsed = parse_log_message(R"(a= b="" c=1)");
  EXPECT_EQ(parsed.fields, (Fields{{"a", ""}, {"b", ""}, {"c", "1"}}));
}

TEST(ParseLogMessage, TextWithoutFieldsIsTheWholeMsg) {
  auto parsed = parse_log_message("plugin said  hello, world");
  EXPECT_TRUE(parsed.fields.empty());
  EXPECT_EQ(parsed.msg, "plugin said  hello, world");
}

TEST(ParseLogMessage, WordsBetweenFieldsGoToMsg) {
  auto parsed = parse_log_message("event=x something odd k=v =bare 1a=b");
  EXPECT_EQ(parsed.fields, (Fields{{"event", "x"}, {"k", "v"}}));
  EXPECT_EQ(parsed.msg, "something odd =bare 1a=b");
}

TEST(ParseLogMessage, UnterminatedQuoteIsNotAField) {
  auto parsed = parse_log_message(R"(event=x reason="never closed)");
  EXPECT_EQ(parsed.fields, (Fields{{"event", "x"}}));
  EXPECT_EQ(parsed.msg, R"(reason="never closed)");
}

TEST(ParseLogMessage, TextGluedAfterClosingQuoteIsNotAField) {
  auto parsed = parse_log_message(R"(event=x a="b"c)");
  EXPECT_EQ(parsed.fields, (Fields{{"event", "x"}}));
  EXPECT_EQ(parsed.msg, R"(a="b"c)");
}

TEST(ParseLogMessage, KeysMayHoldDotsDashesAndUnderscores) {
  auto parsed = parse_log_message("_k=1 http.status=200 plugin-name=hello");
  EXPECT_EQ(parsed.fields, (Fields{{"_k", "1"}, {"http.status", "200"}, {"plugin-name", "hello"}}));
}

TEST(JsonQuote, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json_quote("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_quote("l1\nl2\r\t\b\f"), R"("l1\nl2\r\t\b\f")");
  EXPECT_EQ(json_quote(std::string_view("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
  EXPECT_EQ(json_quote("\x7f"), "\"\x7f\"");
}

TEST(JsonQuote, ValidUtf8PassesThrough) {
  EXPECT_EQ(json_quote("Élodie paie 3 € 😀"), "\"Élodie paie 3 € 😀\"");
}

TEST(JsonQuote, InvalidUtf8BecomesReplacementCharacter) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(json_quote("a\xff"
                       "b"),
            "\"a" + fffd + "b\"");
  EXPECT_EQ(json_quote("\xe2\x82"), "\"" + fffd + fffd + "\"");             // truncated €
  EXPECT_EQ(json_quote("\xc0\xaf"), "\"" + fffd + fffd + "\"");             // overlong '/'
  EXPECT_EQ(json_quote("\xed\xa0\x80"), "\"" + fffd + fffd + fffd + "\"");  // surrogate
}

TEST(JsonLogLine, WritesTimestampLevelThenFields) {
  EXPECT_EQ(
      json_log_line("2026-03-01T08:15:42.123Z", "info", R"(event=ready url="http://x/")"),
      R"({"ts":"2026-03-01T08:15:42.123Z","level":"info","event":"ready","url":"http://x/"})");
}

TEST(JsonLogLine, NonFieldTextGoesToMsg) {
  EXPECT_EQ(json_log_line("T", "warn", "just words"),
            R"({"ts":"T","level":"warn","msg":"just words"})");
  EXPECT_EQ(json_log_line("T", "warn", "event=x and words"),
            R"({"ts":"T","level":"warn","event":"x","msg":"and words"})");
  EXPECT_EQ(json_log_line("T", "info", ""), R"({"ts":"T","level":"info","msg":""})");
}

TEST(JsonLogLine, RenamesFieldsThatWouldCollide) {
  EXPECT_EQ(json_log_line("T", "info", "event=x level=5 msg=m ts=t event=y event=z"),
            R"({"ts":"T","level":"info","event":"x","level_2":"5","msg_2":"m","ts_2":"t",)"
            R"("event_2":"y","event_3":"z"})");
}

TEST(JsonLogLine, HostileMessageStillParsesBackAsJson) {
  std::string message =
      "event=x a=\"q\\\"uote\\\\ back\" ctl=\x01\x02 nl=\"line1\nline2\" "
      "u=Élodie bad=\xff tail \"text";
  auto line = json_log_line("T", "error", message);
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(line, ec);
  ASSERT_FALSE(ec) << line;
  const auto& o = v.as_object();
  EXPECT_EQ(o.at("level").as_string(), "error");
  EXPECT_EQ(o.at("event").as_string(), "x");
  EXPECT_EQ(o.at("a").as_string(), "q\"uote\\ back");
  EXPECT_EQ(o.at("ctl").as_string(), "\x01\x02");
  EXPECT_EQ(o.at("nl").as_string(), "line1\nline2");
  EXPECT_EQ(o.at("u").as_string(), "Élodie");
  EXPECT_EQ(o.at("bad").as_string(), "\xEF\xBF\xBD");
  EXPECT_EQ(o.at("msg").as_string(), "tail \"text");
}

TEST(TextLogLine, KeepsMessageAndEscapesLineBreaks) {
  EXPECT_EQ(text_log_line("2026-03-01T08:15:42.123Z", "info", "event=x k=v"),
            "2026-03-01T08:15:42.123Z info event=x k=v");
  EXPECT_EQ(text_log_line("T", "warn", "a\nb\r"), "T warn a\\nb\\r");
}

TEST(UtcTimestamp, IsIso8601UtcWithMilliseconds) {
  using namespace std::chrono;
  auto t = sys_days{year{2026} / 3 / 1} + hours{8} + minutes{15} + seconds{42} + milliseconds{7};
  EXPECT_EQ(utc_timestamp(t), "2026-03-01T08:15:42.007Z");
  EXPECT_EQ(utc_timestamp(t + microseconds{999}), "2026-03-01T08:15:42.007Z");
}

TEST(LevelName, MatchesConfigurationNames) {
  EXPECT_EQ(level_name(spdlog::level::trace), "trace");
  EXPECT_EQ(level_name(spdlog::level::warn), "warn");
  EXPECT_EQ(level_name(spdlog::level::err), "error");
  EXPECT_EQ(level_name(spdlog::level::critical), "critical");
}

spdlog::details::log_msg sample_message(spdlog::level::level_enum level, std::string_view text) {
  using namespace std::chrono;
  auto t = sys_days{year{2026} / 3 / 1} + hours{8} + minutes{15} + seconds{42} + milliseconds{123};
  return spdlog::details::log_msg(time_point_cast<system_clock::duration>(t), spdlog::source_loc{},
                                  "caissed", level,
                                  spdlog::string_view_t(text.data(), text.size()));
}

std::string format_with(LogFormat format, const spdlog::details::log_msg& msg) {
  auto formatter = make_log_formatter(format);
  spdlog::memory_buf_t buffer;
  formatter->clone()->format(msg, buffer);
  return std::string(buffer.data(), buffer.size());
}

TEST(LogFormatter, JsonFormatWritesOneValidJsonObjectPerLine) {
  auto line =
      format_with(LogFormat::json,
                  sample_message(spdlog::level::warn,
                                 R"(event=peer_refused peer=cyclos body="{\"error\":\"no\"}")"));
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  line.pop_back();
  EXPECT_EQ(line.find('\n'), std::string::npos);
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(line, ec);
  ASSERT_FALSE(ec) << line;
  EXPECT_EQ(v, boost::json::parse(R"({"ts":"2026-03-01T08:15:42.123Z","level":"warn",)"
                                  R"("event":"peer_refused","peer":"cyclos",)"
                                  R"("body":"{\"error\":\"no\"}"})"));
}

TEST(LogFormatter, TextFormatWritesTimestampLevelMessage) {
  EXPECT_EQ(format_with(LogFormat::text, sample_message(spdlog::level::err, "event=x k=v")),
            "2026-03-01T08:15:42.123Z error event=x k=v\n");
}

}  // namespace
}  // namespace caisse::host::observability
