#include "observability/logging.hpp"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>
#include <sstream>

namespace caisse::host::observability {
namespace {

TEST(ParseLogLevel, AcceptsEveryDocumentedName) {
  EXPECT_EQ(*parse_log_level("trace"), spdlog::level::trace);
  EXPECT_EQ(*parse_log_level("debug"), spdlog::level::debug);
  EXPECT_EQ(*parse_log_level("info"), spdlog::level::info);
  EXPECT_EQ(*parse_log_level("warn"), spdlog::level::warn);
  EXPECT_EQ(*parse_log_level("error"), spdlog::level::err);
  EXPECT_EQ(*parse_log_level("critical"), spdlog::level::critical);
  EXPECT_EQ(*parse_log_level("off"), spdlog::level::off);
}

TEST(ConfigureLogging, UnknownLevelIsAnErrorNamingTheValidOnes) {
  auto result = configure_logging(LogFormat::text, "verbose");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("'verbose'"), std::string::npos);
  EXPECT_NE(result.error().message.find("trace, debug, info, warn, error, critical, off"),
            std::string::npos)
      << result.error().message;
}

TEST(ConfigureLogging, UnknownLevelLeavesTheCurrentLoggerUntouched) {
  auto before = spdlog::default_logger();
  EXPECT_FALSE(configure_logging(LogFormat::json, "WARN").ok());
  EXPECT_EQ(spdlog::default_logger(), before);
}

TEST(ConfigureLogging, SetsTheDefaultLoggerLevel) {
  ASSERT_TRUE(configure_logging(LogFormat::text, "error").ok());
  EXPECT_EQ(spdlog::get_level(), spdlog::level::err);
  ASSERT_TRUE(configure_logging(LogFormat::text, "info").ok());
  EXPECT_EQ(spdlog::get_level(), spdlog::level::info);
}

TEST(ConfigureLogging, JsonFormatWritesOneJsonObjectPerEventToStderr) {
  testing::internal::CaptureStderr();
  ASSERT_TRUE(configure_logging(LogFormat::json, "info").ok());
  spdlog::debug("event=filtered_out");
  spdlog::info("event=test_line note=\"{}\" count={}", "a \\\"quoted\\\" word", 3);
  spdlog::warn("plain text, no fields");
  std::string captured = testing::internal::GetCapturedStderr();
  ASSERT_TRUE(configure_logging(LogFormat::text, "info").ok());

  std::istringstream lines(captured);
  std::vector<boost::json::value> events;
  for (std::string line; std::getline(lines, line);) {
    boost::json::error_code ec;
    events.push_back(boost::json::parse(line, ec));
    ASSERT_FALSE(ec) << line;
  }
  ASSERT_EQ(events.size(), 2u) << captured;
  EXPECT_EQ(events[0].at("level").as_string(), "info");
  EXPECT_EQ(events[0].at("event").as_string(), "test_line");
  EXPECT_EQ(events[0].at("note").as_string(), "a \"quoted\" word");
  EXPECT_EQ(events[0].at("count").as_string(), "3");
  EXPECT_TRUE(events[0].at("ts").as_string().ends_with("Z"));
  EXPECT_EQ(events[1].at("level").as_string(), "warn");
  EXPECT_EQ(events[1].at("msg").as_string(), "plain text, no fields");
}

TEST(ConfigureLogging, TextFormatWritesTimestampLevelAndMessage) {
  testing::internal::CaptureStderr();
  ASSERT_TRUE(configure_logging(LogFormat::text, "info").ok());
  spdlog::info("event=test_line k=v");
  std::string captured = testing::internal::GetCapturedStderr();

  // 2026-03-01T08:15:42.123Z info event=test_line k=v
  ASSERT_EQ(captured.size(), 24 + std::string(" info event=test_line k=v\n").size()) << captured;
  EXPECT_EQ(captured[10], 'T');
  EXPECT_EQ(captured[23], 'Z');
  EXPECT_EQ(captured.substr(24), " info event=test_line k=v\n");
}

}  // namespace
}  // namespace caisse::host::observability
