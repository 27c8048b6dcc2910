#include "registry/iban.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace caisse::host::registry {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(registry_iban, NormalizesSpacesAndCase) {
  auto iban = normalize_iban("fr76 3000 6000 0112 3456 7890 189");
  ASSERT_TRUE(iban) << iban.error().message;
  EXPECT_EQ(*iban, "FR7630006000011234567890189");
  EXPECT_EQ(*normalize_iban("GB82WEST12345698765432"), "GB82WEST12345698765432");
  EXPECT_EQ(*normalize_iban("FR1420041010050500013M02606"), "FR1420041010050500013M02606");
  EXPECT_EQ(*normalize_iban("NO9386011117947"), "NO9386011117947");
}

TEST(registry_iban, RefusesWrongCheckDigitsWithoutQuotingTheIban) {
  auto iban = normalize_iban("FR7630006000011234567890188");
  ASSERT_FALSE(iban);
  EXPECT_EQ(iban.error().kind, ErrorKind::invalid);
  EXPECT_EQ(iban.error().message,
            "\"FR76*******************0188\": wrong check digits (a character is mistyped or "
            "missing)");
  EXPECT_THAT(iban.error().message, Not(HasSubstr("3000600001")));
}

TEST(registry_iban, RefusesTheWrongLengthForTheCountry) {
  auto iban = normalize_iban("DE8937040044053201300");
  ASSERT_FALSE(iban);
  EXPECT_THAT(iban.error().message, HasSubstr("has 21 characters; an IBAN of DE has 22"));
}

TEST(registry_iban, RefusesUnknownCountriesAndOtherCharacters) {
  EXPECT_THAT(normalize_iban("ZZ8937040044053201300").error().message,
              HasSubstr("unknown IBAN country ZZ"));
  EXPECT_THAT(normalize_iban("FR76-3000-6000").error().message,
              HasSubstr("only letters, digits and spaces"));
  EXPECT_THAT(normalize_iban("7630006000011234567890189").error().message,
              HasSubstr("is not an IBAN"));
}

}  // namespace
}  // namespace caisse::host::registry
