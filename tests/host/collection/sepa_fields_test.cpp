// Mandate references, BICs and the ids a run derives, against the EPC rules and vectors worked
// out by hand (payments.md §1.4, §1.5, §1.8) and FNV-1a computed separately.
#include "collection/sepa_fields.hpp"

#include <gtest/gtest.h>

#include "collection/collection_ids.hpp"

namespace caisse::host::collection {
namespace {

TEST(collection_sepa_fields, MandateReferenceFollowsTheRestrictedSetAndTheSlashRule) {
  EXPECT_TRUE(is_mandate_reference("RUM-2026/001"));
  EXPECT_TRUE(is_mandate_reference("a+?/-:().,'z"));
  EXPECT_TRUE(is_mandate_reference(std::string(35, 'R')));
  EXPECT_FALSE(is_mandate_reference(std::string(36, 'R')));
  EXPECT_FALSE(is_mandate_reference(""));
  EXPECT_FALSE(is_mandate_reference("RUM 1"));  // space: not in a MndtId
  EXPECT_FALSE(is_mandate_reference("RUM_1"));
  EXPECT_FALSE(is_mandate_reference("RUM&1"));
  EXPECT_FALSE(is_mandate_reference("RUMé"));
  EXPECT_FALSE(is_mandate_reference("/RUM1"));
  EXPECT_FALSE(is_mandate_reference("RUM1/"));
  EXPECT_FALSE(is_mandate_reference("RUM//1"));
}

TEST(collection_sepa_fields, BicIsCapitalisedAndChecked) {
  EXPECT_EQ(normalize_bic("agrifrpp882").value(), "AGRIFRPP882");
  EXPECT_EQ(normalize_bic("AGRIFRPP").value(), "AGRIFRPP");
  EXPECT_EQ(normalize_bic("CCOPFRPPXXX").value(), "CCOPFRPPXXX");
  EXPECT_EQ(normalize_bic("AGRIF2PP").error().message,
            "\"AGRIF2PP\" is not a BIC (8 or 11 letters and digits: bank, country, location, "
            "optional branch, e.g. AGRIFRPP882)");
  EXPECT_FALSE(normalize_bic("AGRIFRPP8"));    // 9 characters
  EXPECT_FALSE(normalize_bic("AGRIFR1P"));     // location may not start with 0 or 1
  EXPECT_FALSE(normalize_bic("AGRIFRPO"));     // nor end with O
  EXPECT_FALSE(normalize_bic("AGRIFRPP88 "));  // a space
}

TEST(collection_sepa_fields, ShortValidIdsAreKeptAsTheyAre) {
  EXPECT_EQ(end_to_end_id("nantes-ouest", Month{2026, 11}, "H-0042"), "nantes-ouest-202611-H-0042");
  EXPECT_EQ(message_id("nantes-ouest", Month{2026, 11}), "nantes-ouest-202611-SDD");
}

// Expected hashes: FNV-1a 64 of the readable id (offset 14695981039346656037, prime
// 1099511628211) written in base 32, 13 digits 0-9 A-V, computed outside this code.
TEST(collection_sepa_fields, AnIdOutsideTheSetIsPrefixedAndHashed) {
  EXPECT_EQ(bounded_sepa_id("H_1"), "H.1-4J7G1376TNUMB");
  // Only the first 21 characters are kept before the hash.
  EXPECT_EQ(end_to_end_id("nantes-ouest", Month{2026, 11}, "H_1"),
            "nantes-ouest-202611-H-ACSOH326RNHP7");
}

TEST(collection_sepa_fields, ALongIdIsCutAndHashedTo35) {
  const std::string id =
      end_to_end_id("nantes-ouest", Month{2026, 11}, "household-with-a-very-long-id-0001");
  EXPECT_EQ(id, "nantes-ouest-202611-h-CEVRE5O5RLCDT");
  EXPECT_EQ(id.size(), kMaxSepaIdLength);
  // Same first 21 characters, other hash.
  EXPECT_NE(id,
            end_to_end_id("nantes-ouest", Month{2026, 11}, "household-with-a-very-long-id-0002"));
}

TEST(collection_sepa_fields, HashedIdsNeverBreakTheSlashRule) {
  const std::string id = bounded_sepa_id("/a//b_c");
  EXPECT_EQ(id.front(), '.');
  EXPECT_EQ(id.find("//"), std::string::npos);
  EXPECT_EQ(id.size(), std::string("/a//b_c").size() + 14);
}

}  // namespace
}  // namespace caisse::host::collection
