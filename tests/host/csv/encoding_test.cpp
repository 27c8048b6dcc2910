#include "csv/encoding.hpp"

#include <gtest/gtest.h>

namespace caisse::host::csv {
namespace {

TEST(csv_encoding, StripsTheUtf8ByteOrderMark) {
  auto text = utf8_text("f.csv", "\xEF\xBB\xBFid\n");
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "id\n");
}

TEST(csv_encoding, AcceptsMultiByteCharacters) {
  auto text = utf8_text("f.csv", "Élodie,€,😀\n");
  ASSERT_TRUE(text) << text.error().message;
}

TEST(csv_encoding, RefusesOverlongSurrogatesAndTruncatedSequences) {
  EXPECT_FALSE(utf8_text("f.csv", "\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(utf8_text("f.csv", "\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(utf8_text("f.csv", "ok\n\xE2\x82"));      // truncated €
  EXPECT_FALSE(utf8_text("f.csv", "\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_EQ(utf8_text("f.csv", "ok\n\xE2\x82").error().message.substr(0, 8), "f.csv:2:");
}

}  // namespace
}  // namespace caisse::host::csv
