// Hex and base64 against RFC 4648 section 10's vectors, and the dates of iso_utc against values
// printed by python3's datetime (datetime.fromtimestamp(s, timezone.utc)).
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <utility>

#include "byte_encoding.hpp"
#include "iso_time.hpp"

namespace card = caisse::adapters::card;

namespace {

// RFC 4648, section 10.
constexpr std::array<std::pair<const char*, const char*>, 7> rfc4648_base64{{
    {"", ""},
    {"f", "Zg=="},
    {"fo", "Zm8="},
    {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="},
    {"fooba", "Zm9vYmE="},
    {"foobar", "Zm9vYmFy"},
}};

TEST(ByteEncoding, Base64MatchesRfc4648BothWays) {
  for (const auto& [bytes, text] : rfc4648_base64) {
    EXPECT_EQ(card::to_base64(bytes), text) << bytes;
    EXPECT_EQ(card::from_base64(text), std::string(bytes)) << text;
  }
}

TEST(ByteEncoding, Base64UsesTheStandardAlphabetNotTheUrlSafeOne) {
  // python3: base64.b64encode(bytes([0xfb, 0xff, 0xfe])) == b'+//+'
  EXPECT_EQ(card::to_base64("\xfb\xff\xfe"), "+//+");
  EXPECT_EQ(card::from_base64("+//+"), std::string("\xfb\xff\xfe"));
  EXPECT_EQ(card::from_base64("-__-"), std::nullopt);
}

TEST(ByteEncoding, Base64AcceptsMissingPaddingButNotWrongPadding) {
  EXPECT_EQ(card::from_base64("Zm9vYg"), std::string("foob"));
  EXPECT_EQ(card::from_base64("Zm9vYmE"), std::string("fooba"));
  EXPECT_EQ(card::from_base64("Zm9vYg="), std::nullopt);    // padded to a wrong length
  EXPECT_EQ(card::from_base64("Zm9vY"), std::nullopt);      // 6 bits left: not a byte
  EXPECT_EQ(card::from_base64("Zm9v Yg=="), std::nullopt);  // whitespace
}

TEST(ByteEncoding, Base64RefusesNonZeroLeftoverBits) {
  // "Zg==" is "f"; "Zh==" differs only in bits after the byte and must not also mean "f".
  EXPECT_EQ(card::from_base64("Zh=="), std::nullopt);
}

TEST(ByteEncoding, HexRoundTripsAndRefusesOddOrNonHexText) {
  EXPECT_EQ(card::to_hex(std::string("\x00\x7f\xff", 3)), "007fff");
  EXPECT_EQ(card::from_hex("007FfF"), std::string("\x00\x7f\xff", 3));
  EXPECT_EQ(card::from_hex("abc"), std::nullopt);
  EXPECT_EQ(card::from_hex("zz"), std::nullopt);
}

TEST(IsoTime, FormatsUnixSecondsAsUtc) {
  EXPECT_EQ(card::iso_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(card::iso_utc(1700000000), "2023-11-14T22:13:20Z");
  EXPECT_EQ(card::iso_utc(951782400), "2000-02-29T00:00:00Z");
  EXPECT_EQ(card::iso_utc(4102444799), "2099-12-31T23:59:59Z");
}

}  // namespace
