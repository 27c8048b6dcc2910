// SEPA basic Latin: transliteration of French (and neighbouring) names, the lengths of the EPC
// guides, truncation that never cuts a UTF-8 sequence, and the rules of identifiers.
#include <gtest/gtest.h>

#include <utility>

#include "latin_text.hpp"
#include "references.hpp"

namespace caisse::adapters::sepa {
namespace {

TEST(SepaLatin, AccentsLigaturesPunctuation) {
  const std::pair<const char*, const char*> cases[] = {
      {"Françoise Lœwy", "Francoise Loewy"},
      {"Élodie Dupré-Noël", "Elodie Dupre-Noel"},
      {"Jürgen Weiß", "Jurgen Weiss"},
      {"ŒUVRE Æsa Øster", "OEUVRE AEsa Oster"},
      {"Ĳsbrand Łukasz Đorđe", "IJsbrand Lukasz Dorde"},
      {"Dupont & fils", "Dupont + fils"},
      {"10€ l’unité", "10EUR l'unite"},
      {"Chloé «Cloclo» Martin", "Chloe Cloclo Martin"},
      {"a_b@c#d;e\"f", "a b c d e f"},
      {"n° 12 – 2026", "no 12 - 2026"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(to_sepa_latin(in), out) << in;
}

TEST(SepaLatin, SpacesCollapseAndEndsAreTrimmed) {
  EXPECT_EQ(to_sepa_latin("  Jean\u00a0\u00a0 Dupont\t\n"), "Jean Dupont");
}

TEST(SepaLatin, UnknownCharactersAndBrokenUtf8BecomeDots) {
  EXPECT_EQ(to_sepa_latin("Ми"), "..");
  EXPECT_EQ(to_sepa_latin("a\xff"
                          "b"),
            "a.b");
  EXPECT_EQ(to_sepa_latin("a\xc3"), "a.");  // a sequence cut at the end of the text
}

TEST(SepaLatin, OutputStaysInTheSet) {
  const std::string out =
      to_sepa_latin("Zoë O'Hara & fils <x> {y} [z] ~ ^ | ! % $ = ` \\ 12:30 (ok) ?/.,+-");
  for (const char c : out) EXPECT_TRUE(is_sepa_latin(c)) << "'" << c << "' in " << out;
  EXPECT_EQ(out, "Zoe O'Hara + fils x y z 12:30 (ok) ?/.,+-");
}

TEST(SepaLatin, FitCutsToTheLengthAndTrimsAgain) {
  const std::string name =
      "Marie-Thérèse de La Rochefoucauld-Montmorency-Laval du Plessis-Bellière et Noël";
  const std::string fitted = fit_sepa_text(name, kMaxNameLength);
  EXPECT_EQ(fitted.size(), 70u);
  EXPECT_EQ(fitted, "Marie-Therese de La Rochefoucauld-Montmorency-Laval du Plessis-Bellier");
  // The cut falls on a space: no trailing space is left.
  EXPECT_EQ(fit_sepa_text("abc def", 4), "abc");
  EXPECT_EQ(kMaxRemittanceLength, 140u);
}

TEST(Utf8, TruncationBacksOffToTheStartOfASequence) {
  const std::string text = "Noël";  // N o e-diaeresis(2 bytes) l
  EXPECT_EQ(truncate_utf8(text, 3), "No");
  EXPECT_EQ(truncate_utf8(text, 4), "Noë");
  EXPECT_EQ(truncate_utf8("€uro", 2), "");  // € is three bytes
  EXPECT_EQ(truncate_utf8("€uro", 3), "€");
  EXPECT_EQ(truncate_utf8("abc", 10), "abc");
}

TEST(References, LengthCharsetAndSlashRule) {
  EXPECT_EQ(reference_problem("2026-11 H0042", 35, SpaceRule::allowed), std::nullopt);
  EXPECT_EQ(reference_problem(std::string(35, 'A'), 35, SpaceRule::allowed), std::nullopt);
  EXPECT_EQ(reference_problem(std::string(36, 'A'), 35, SpaceRule::allowed),
            "36 characters, at most 35 allowed");
  EXPECT_EQ(reference_problem("", 35, SpaceRule::allowed), "missing");
  EXPECT_NE(reference_problem("RUM 1", 35, SpaceRule::refused), std::nullopt);
  EXPECT_NE(reference_problem("/RUM1", 35, SpaceRule::refused), std::nullopt);
  EXPECT_NE(reference_problem("RUM1/", 35, SpaceRule::refused), std::nullopt);
  EXPECT_NE(reference_problem("RUM//1", 35, SpaceRule::refused), std::nullopt);
  EXPECT_EQ(reference_problem("RUM/1", 35, SpaceRule::refused), std::nullopt);
  EXPECT_EQ(reference_problem("Réf", 35, SpaceRule::allowed),
            "a non-ASCII character is not allowed (letters, digits, space and / - ? : ( ) "
            ". , ' + only)");
}

}  // namespace
}  // namespace caisse::adapters::sepa
