#include "store/bytea.hpp"

#include <gtest/gtest.h>

namespace caisse::host::store {
namespace {

TEST(Bytea, HexFormCoversEveryByte) {
  EXPECT_EQ(bytea_hex(std::string("A\0\xff", 3)), "\\x4100ff");
  EXPECT_EQ(bytea_hex(""), "\\x");
}

TEST(Bytea, DecodesHexOutput) {
  auto bytes = decode_bytea("\\x4100ff");
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, std::string("A\0\xff", 3));
}

TEST(Bytea, DecodesEscapeOutput) {
  auto bytes = decode_bytea("A\\000\\377");
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, std::string("A\0\xff", 3));
}

}  // namespace
}  // namespace caisse::host::store
