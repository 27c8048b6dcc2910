// IBAN, BIC and creditor identifier checks against published examples (payments.md §1.6-1.8),
// and one-character mutations of them that must fail.
#include <gtest/gtest.h>

#include <string>

#include "bic.hpp"
#include "creditor_id.hpp"
#include "iban.hpp"
#include "mod97.hpp"

namespace caisse::adapters::sepa {
namespace {

// Every string that differs from `valid` in one character (a digit or letter changed to the
// next one) at position `from` or later.
std::vector<std::string> mutations(const std::string& valid, std::size_t from) {
  std::vector<std::string> out;
  for (std::size_t i = from; i < valid.size(); ++i) {
    std::string changed = valid;
    char& c = changed[i];
    if (c >= '0' && c <= '9') {
      c = c == '9' ? '0' : static_cast<char>(c + 1);
    } else {
      c = c == 'Z' ? 'A' : static_cast<char>(c + 1);
    }
    out.push_back(changed);
  }
  return out;
}

TEST(Iban, PublishedExamplesAreValid) {
  // python-stdnum doctest (letter in the account), a computed French one, Stripe's German test
  // IBAN.
  for (const char* iban :
       {"FR1420041010050500013M02606", "FR7630006000011234567890189", "DE89370400440532013000"}) {
    EXPECT_EQ(iban_problem(iban), std::nullopt) << iban;
  }
}

TEST(Iban, CompactingRemovesSpacesAndCapitalises) {
  EXPECT_EQ(compact_iban("fr76 3000 6000 0112 3456 7890 189"), "FR7630006000011234567890189");
}

TEST(Iban, EveryOneCharacterMutationFails) {
  for (const std::string valid : {"FR1420041010050500013M02606", "DE89370400440532013000"}) {
    // From position 2: a changed country code is a different (and failing) rule, tested below.
    for (const std::string& changed : mutations(valid, 2)) {
      EXPECT_NE(iban_problem(changed), std::nullopt) << changed;
    }
  }
}

TEST(Iban, SwappedNeighboursFail) {
  EXPECT_NE(iban_problem("FR7603006000011234567890189"), std::nullopt);
  EXPECT_NE(iban_problem("DE89370400440532031000"), std::nullopt);
}

TEST(Iban, CheckDigitsComputedFromTheBban) {
  EXPECT_EQ(iban_check_digits("FR", "30006000011234567890189"), "76");
  EXPECT_EQ(iban_check_digits("DE", "370400440532013000"), "89");
  EXPECT_EQ(iban_check_digits("FR", "20041010050500013M02606"), "14");
}

TEST(Iban, WrongLengthAndUnknownCountryAreNamed) {
  EXPECT_EQ(iban_problem("DE8937040044053201300"), "21 characters where an IBAN of DE has 22");
  EXPECT_EQ(iban_problem("US12345678901234567890"), "country US is not in the SEPA area");
  EXPECT_EQ(iban_problem("FR76 3000"), "only capital letters and digits are allowed in an IBAN");
}

TEST(Iban, FrenchRibKeyIsCheckedBeyondMod97) {
  // Mod 97 right but the RIB key wrong: the BBAN's last two digits changed and the IBAN's check
  // digits recomputed for it, so only the inner key can tell.
  const std::string bban = "30006000011234567890188";
  const std::string iban = "FR" + iban_check_digits("FR", bban) + bban;
  EXPECT_EQ(iban_problem(iban), "wrong RIB key (the account part is mistyped)");
}

TEST(Iban, MaskKeepsOnlyTheEnds) {
  EXPECT_EQ(masked_iban("FR7630006000011234567890189"), "FR76 **** 189");
}

TEST(Mod97, LettersCountAsTwoDigits) {
  // "A" is 10, and 1000 mod 97 = 30 ("A00").
  EXPECT_EQ(mod97("A00"), 30u);
  EXPECT_EQ(mod97("a"), std::nullopt);
}

TEST(CreditorId, PublishedExamplesAreValid) {
  for (const char* id : {"ES23ZZZ47690558N", "FR72ZZZ123456", "FR08ZZZ433165", "FR80ZZZ5A7B9C",
                         "DE98ZZZ09999999999", "FR72ABC123456"}) {
    EXPECT_EQ(creditor_id_problem(id), std::nullopt) << id;
  }
}

TEST(CreditorId, MutationsOutsideTheBusinessCodeFail) {
  for (const std::string valid : {"FR72ZZZ123456", "ES23ZZZ47690558N"}) {
    for (const std::string& changed : mutations(valid, 2)) {
      const bool in_business_code = changed.substr(4, 3) != valid.substr(4, 3);
      if (in_business_code) {
        EXPECT_EQ(creditor_id_problem(changed), std::nullopt) << changed << ": ZZZ is not checked";
      } else {
        EXPECT_NE(creditor_id_problem(changed), std::nullopt) << changed;
      }
    }
  }
}

TEST(CreditorId, FrenchOnesHaveThirteenCharacters) {
  EXPECT_EQ(creditor_id_problem("FR72ZZZ1234567"),
            "a French creditor identifier (ICS) has 13 characters, FRkkZZZ and 6 more");
}

TEST(Bic, ValidFormats) {
  EXPECT_EQ(bic_problem("AGRIFRPP882"), std::nullopt);
  EXPECT_EQ(bic_problem("AGRIFRPP"), std::nullopt);
  EXPECT_EQ(bic_problem("BNPAFRPPXXX"), std::nullopt);
}

TEST(Bic, InvalidFormats) {
  EXPECT_NE(bic_problem("AGRIF2PP"), std::nullopt);     // a digit in the country
  EXPECT_NE(bic_problem("AGRIFRPP8"), std::nullopt);    // 9 characters
  EXPECT_NE(bic_problem("agrifrpp"), std::nullopt);     // lower case
  EXPECT_NE(bic_problem("AGRIFR1P"), std::nullopt);     // location may not start with 1
  EXPECT_NE(bic_problem("AGRIFRPO"), std::nullopt);     // nor end with O
  EXPECT_NE(bic_problem("AGRIFRPP88-"), std::nullopt);  // branch letters or digits
}

}  // namespace
}  // namespace caisse::adapters::sepa
