#include "research/pseudonym.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "research/hmac_sha256.hpp"

namespace caisse::host::research {
namespace {

using ::testing::HasSubstr;

// RFC 4231, test case 1: key 0x0b × 20, data "Hi There".
TEST(ResearchHmac, MatchesRfc4231TestCase1) {
  EXPECT_EQ(digest::to_hex(hmac_sha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

// RFC 4231, test case 2: a key shorter than the output ("Jefe").
TEST(ResearchHmac, MatchesRfc4231TestCase2) {
  EXPECT_EQ(digest::to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

std::string bytes_0_to_31() {
  std::string secret;
  for (int i = 0; i < 32; ++i) secret += static_cast<char>(i);
  return secret;
}

// Worked out with Python: hmac.new(bytes(range(32)), b"etude-2026\x1fH-0001",
// hashlib.sha256).hexdigest()[:16].
TEST(ResearchPseudonym, IsTheTruncatedHmacOfKeyAndHousehold) {
  EXPECT_EQ(pseudonym(bytes_0_to_31(), "etude-2026", "H-0001"), "h_016e5abee21cfd7d");
}

TEST(ResearchPseudonym, SeparatesKeyAndHouseholdSoTheyCannotBeShifted) {
  // Without the separator "ab"+"c" and "a"+"bc" would hash the same message.
  EXPECT_NE(pseudonym(bytes_0_to_31(), "ab", "c"), pseudonym(bytes_0_to_31(), "a", "bc"));
}

TEST(ResearchPseudonym, DependsOnKeyAndSecret) {
  const std::string p = pseudonym(bytes_0_to_31(), "etude-2026", "H-0001");
  EXPECT_EQ(p, pseudonym(bytes_0_to_31(), "etude-2026", "H-0001"));
  EXPECT_NE(p, pseudonym(bytes_0_to_31(), "etude-2027", "H-0001"));
  EXPECT_NE(p, pseudonym(std::string(32, 'x'), "etude-2026", "H-0001"));
  EXPECT_NE(p, pseudonym(bytes_0_to_31(), "etude-2026", "H-0002"));
}

TEST(ResearchExportKey, AcceptsOneToSixtyFourSafeCharacters) {
  EXPECT_TRUE(check_export_key("a").ok());
  EXPECT_TRUE(check_export_key("Etude_2026.v-1").ok());
  EXPECT_TRUE(check_export_key(std::string(64, 'k')).ok());
}

TEST(ResearchExportKey, RefusesEmptyLongOrOddKeysNamingTheParameter) {
  for (std::string bad :
       {std::string(), std::string(65, 'k'), std::string("a b"), std::string("clé"),
        std::string("a\x1f"
                    "b"),
        std::string("a/b")}) {
    auto checked = check_export_key(bad);
    ASSERT_FALSE(checked.ok()) << bad;
    EXPECT_THAT(checked.error().message, HasSubstr("export_key"));
    EXPECT_EQ(checked.error().kind, ErrorKind::invalid);
  }
}

}  // namespace
}  // namespace caisse::host::research
