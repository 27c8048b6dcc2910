#include "observability/masking.hpp"

#include <gtest/gtest.h>

namespace caisse::host::observability {
namespace {

TEST(MaskIban, KeepsCountryCheckDigitsAndLastFour) {
  EXPECT_EQ(mask_iban("FR7630006000011234567890189"), "FR76*******************0189");
}

TEST(MaskIban, DropsSpacesBeforeMasking) {
  EXPECT_EQ(mask_iban("FR76 3000 6000 0112 3456 7890 189"), "FR76*******************0189");
}

TEST(MaskIban, ShortInputIsMaskedEntirely) {
  EXPECT_EQ(mask_iban("FR761234"), "********");
  EXPECT_EQ(mask_iban("abc"), "***");
  EXPECT_EQ(mask_iban(""), "");
}

TEST(MaskIban, NineCharactersShowEightOfThem) {
  EXPECT_EQ(mask_iban("FR7612345"), "FR76*2345");
}

TEST(MaskName, KeepsEachWordsInitial) {
  EXPECT_EQ(mask_name("Camille Martin"), "C. M.");
  EXPECT_EQ(mask_name("Jean-Pierre  Dupont"), "J. P. D.");
  EXPECT_EQ(mask_name("  Martin "), "M.");
}

TEST(MaskName, KeepsAWholeUtf8Initial) {
  EXPECT_EQ(mask_name("Élodie Œuvray"), "É. Œ.");
}

TEST(MaskName, EmptyStaysEmpty) {
  EXPECT_EQ(mask_name(""), "");
  EXPECT_EQ(mask_name(" - "), "");
}

TEST(MaskIbansIn, MasksACompactIbanInsideText) {
  EXPECT_EQ(mask_ibans_in("credit to FR7630006000011234567890189."),
            "credit to FR76*******************0189.");
}

TEST(MaskIbansIn, MasksAGroupedIbanAsOneRun) {
  EXPECT_EQ(mask_ibans_in("iban: FR76 3000 6000 0112 3456 7890 189, ok"),
            "iban: FR76*******************0189, ok");
}

TEST(MaskIbansIn, MasksEveryIbanInTheText) {
  EXPECT_EQ(mask_ibans_in("from DE89370400440532013000, to FR7630006000011234567890189"),
            "from DE89**************3000, to FR76*******************0189");
}

TEST(MaskIbansIn, LeavesTextWithoutIbansAlone) {
  EXPECT_EQ(mask_ibans_in("event=x amount=12.50 ref=AB12"), "event=x amount=12.50 ref=AB12");
  EXPECT_EQ(mask_ibans_in(""), "");
}

TEST(MaskIbansIn, IgnoresIbanLikeRunsInsideAWord) {
  // No word boundary before "FR76": not an IBAN start.
  EXPECT_EQ(mask_ibans_in("xFR7630006000011234567890189"), "xFR7630006000011234567890189");
}

TEST(MaskIbansIn, ShortRunsAreNotIbans) {
  EXPECT_EQ(mask_ibans_in("code FR76 3000 end"), "code FR76 3000 end");
}

// The word after an IBAN is not taken for its tail, and a second IBAN is masked on its own.
TEST(MaskIbansIn, KeepsTheWordAfterAnIban) {
  EXPECT_EQ(mask_ibans_in("iban=FR7630006000011234567890189 status=ok"),
            "iban=FR76*******************0189 status=ok");
  EXPECT_EQ(mask_ibans_in("paid FR76 3000 6000 0112 3456 7890 189 today"),
            "paid FR76*******************0189 today");
  EXPECT_EQ(mask_ibans_in("from DE89370400440532013000 to FR7630006000011234567890189"),
            "from DE89**************3000 to FR76*******************0189");
}

}  // namespace
}  // namespace caisse::host::observability
