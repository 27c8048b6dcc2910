#include "ctl/token.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace caisse::host::ctl {
namespace {

class TokenFile : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ctl_token_test_" + std::to_string(::getpid()) + "_" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& content) {
    auto path = dir_ / "token";
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  std::filesystem::path dir_;
};

TEST_F(TokenFile, TrailingNewlineAndSurroundingSpacesAreDropped) {
  auto token = read_token_file(write("  s3cr3t-token\r\n"));
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ(*token, "s3cr3t-token");
}

TEST_F(TokenFile, MissingFileIsAnErrorNamingIt) {
  auto token = read_token_file((dir_ / "absent").string());
  ASSERT_FALSE(token.ok());
  EXPECT_NE(token.error().message.find("absent"), std::string::npos);
}

TEST_F(TokenFile, EmptyFileIsAnError) {
  auto token = read_token_file(write("\n"));
  ASSERT_FALSE(token.ok());
  EXPECT_NE(token.error().message.find("is empty"), std::string::npos);
}

TEST_F(TokenFile, TwoLinesAreRefusedWithoutPrintingTheToken) {
  auto token = read_token_file(write("first-secret\nsecond-secret\n"));
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().message.find("secret"), std::string::npos) << token.error().message;
}

TEST(CheckToken, RefusesControlCharactersAndSpaces) {
  EXPECT_TRUE(check_token("abc.DEF_123-~+/=", "CAISSE_TOKEN").ok());
  EXPECT_FALSE(check_token("", "CAISSE_TOKEN").ok());
  EXPECT_FALSE(check_token("a b", "CAISSE_TOKEN").ok());
  EXPECT_FALSE(check_token("a\r\nX-Evil: 1", "CAISSE_TOKEN").ok());
  auto result = check_token("bad\ttoken", "CAISSE_TOKEN");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message.find("bad"), std::string::npos);
  EXPECT_NE(result.error().message.find("CAISSE_TOKEN"), std::string::npos);
}

}  // namespace
}  // namespace caisse::host::ctl
