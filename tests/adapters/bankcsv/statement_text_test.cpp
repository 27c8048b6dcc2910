// The text primitives under both statement adapters: amounts to minor units, date patterns,
// single-byte encodings to UTF-8, references after a label's marker. Expected values by hand.
#include <gtest/gtest.h>

#include <string>

#include "amount_text.hpp"
#include "currency_digits.hpp"
#include "date_text.hpp"
#include "label_markers.hpp"
#include "text_decoding.hpp"

namespace caisse::adapters::bankcsv {
namespace {

ParsedAmount french(std::string_view text) {
  AmountFormat format;
  format.decimal = ',';
  format.thousands = ' ';
  return parse_amount(text, format);
}

TEST(AmountText, FrenchAmountsGoDigitByDigitToCents) {
  EXPECT_EQ(french("1 234,56").minor, 123456);
  EXPECT_EQ(french("1\xC2\xA0"
                   "234,56")
                .minor,
            123456);  // no-break space
  EXPECT_EQ(french("1\xE2\x80\xAF"
                   "234,56")
                .minor,
            123456);  // narrow no-break space
  EXPECT_EQ(french("-12,5").minor, -1250);
  EXPECT_EQ(french("+3").minor, 300);
  EXPECT_EQ(french(" 0,07 ").minor, 7);
  EXPECT_EQ(french("12 345 678,90").minor, 1234567890);
  EXPECT_EQ(french("1234,56").minor, 123456);  // grouping is optional
}

TEST(AmountText, MalformedAmountsSayWhy) {
  EXPECT_EQ(french("").error, AmountError::empty);
  EXPECT_EQ(french("12,5x").error, AmountError::not_a_number);
  EXPECT_EQ(french("1 23,00").error, AmountError::bad_grouping);
  EXPECT_EQ(french("1234 567,00").error, AmountError::bad_grouping);
  EXPECT_EQ(french("12,345").error, AmountError::too_many_decimals);
  EXPECT_EQ(french("12.50").error, AmountError::wrong_decimal_separator);
  EXPECT_EQ(french("12,50-").error, AmountError::misplaced_sign);
  EXPECT_EQ(french("99999999999999999999").error, AmountError::too_large);
  AmountFormat format;
  format.thousands = ' ';
  EXPECT_EQ(amount_error_text(AmountError::bad_grouping, "1 23,00", format),
            "\"1 23,00\": digits are grouped by three with \" \"");
  EXPECT_EQ(amount_error_text(AmountError::too_many_decimals, "12,345", format),
            "\"12,345\" has more decimals than the currency's 2");
}

TEST(AmountText, XmlAmountsAcceptZeroPaddingOnly) {
  AmountFormat xml;
  xml.decimal = '.';
  xml.allow_sign = false;
  xml.allow_zero_padding = true;
  EXPECT_EQ(parse_amount("8.850", xml).minor, 885);
  EXPECT_EQ(parse_amount("18.15000", xml).minor, 1815);
  EXPECT_EQ(parse_amount("8.851", xml).error, AmountError::too_many_decimals);
  EXPECT_EQ(parse_amount("-1.00", xml).error, AmountError::misplaced_sign);
  xml.minor_unit = 0;
  EXPECT_EQ(parse_amount("2700", xml).minor, 2700);
  xml.minor_unit = 3;
  EXPECT_EQ(parse_amount("1.5", xml).minor, 1500);
}

TEST(CurrencyDigits, FollowIso4217) {
  EXPECT_EQ(currency_digits("EUR"), 2);
  EXPECT_EQ(currency_digits("JPY"), 0);
  EXPECT_EQ(currency_digits("KWD"), 3);
  EXPECT_EQ(currency_digits("eur"), std::nullopt);
  EXPECT_EQ(currency_digits("EURO"), std::nullopt);
}

std::string date(std::string_view pattern, std::string_view text) {
  std::string why;
  const auto compiled = DatePattern::compile(pattern, why);
  EXPECT_TRUE(compiled) << why;
  char out[10];
  return compiled && compiled->parse(text, out) ? std::string(out, 10) : "no date";
}

TEST(DateText, PatternsReadTheBanksDates) {
  EXPECT_EQ(date("dd/mm/yyyy", "28/11/2026"), "2026-11-28");
  EXPECT_EQ(date("yyyy-mm-dd", "2026-02-03"), "2026-02-03");
  EXPECT_EQ(date("dd/mm/yy", "15/11/26"), "2026-11-15");
  EXPECT_EQ(date("dd.mm.yyyy", "29.02.2028"), "2028-02-29");
  EXPECT_EQ(date("dd-mm-yyyy hh:mi:ss", "03-11-2026 09:15:02"), "2026-11-03");
  EXPECT_EQ(date("dd/mm/yyyy", "29/02/2026"), "no date");  // 2026 is not a leap year
  EXPECT_EQ(date("dd/mm/yyyy", "31/11/2026"), "no date");
  EXPECT_EQ(date("dd/mm/yyyy", "1/11/2026"), "no date");
  EXPECT_EQ(date("dd/mm/yyyy", "28/11/2026 "), "no date");
  EXPECT_EQ(date("dd-mm-yyyy hh:mi:ss", "03-11-2026 24:00:00"), "no date");
}

TEST(DateText, PatternsWithoutDayMonthAndYearAreRefused) {
  std::string why;
  EXPECT_FALSE(DatePattern::compile("mm/yyyy", why));
  EXPECT_EQ(why, "\"mm/yyyy\" needs a day (dd), a month (mm) and a year (yyyy or yy)");
  EXPECT_FALSE(DatePattern::compile("dd/mm/yyyyT", why));
  EXPECT_EQ(why,
            "\"dd/mm/yyyyT\": \"T\" is neither a field (dd, mm, yyyy, yy, hh, mi, ss) nor a "
            "separator");
}

std::string utf8(std::string_view bytes, Encoding encoding) {
  std::string out;
  const std::size_t bad = append_utf8(out, bytes, encoding);
  return bad == std::string_view::npos ? out : "bad at " + std::to_string(bad);
}

TEST(TextDecoding, SingleByteTablesGiveUtf8) {
  // "Débit €" in each encoding; UTF-8 of é is C3 A9, of € E2 82 AC.
  EXPECT_EQ(utf8("D\xE9"
                 "bit \x80",
                 Encoding::cp1252),
            "D\xC3\xA9"
            "bit \xE2\x82\xAC");
  EXPECT_EQ(utf8("D\xE9"
                 "bit \xA4",
                 Encoding::iso_8859_15),
            "D\xC3\xA9"
            "bit \xE2\x82\xAC");
  EXPECT_EQ(utf8("D\xE9"
                 "bit \xA4",
                 Encoding::iso_8859_1),
            "D\xC3\xA9"
            "bit \xC2\xA4");                                          // ¤
  EXPECT_EQ(utf8("\x9C\x8C", Encoding::cp1252), "\xC5\x93\xC5\x92");  // œŒ
  EXPECT_EQ(utf8("\xBD", Encoding::iso_8859_15), "\xC5\x93");         // œ
}

TEST(TextDecoding, BytesOutsideTheEncodingAreFound) {
  EXPECT_EQ(utf8("ab\x81", Encoding::cp1252), "bad at 2");      // undefined in cp1252
  EXPECT_EQ(utf8("a\x80", Encoding::iso_8859_15), "bad at 1");  // a C1 control
  EXPECT_EQ(utf8("caf\xE9", Encoding::utf8), "bad at 3");       // cp1252 é in a UTF-8 file
  EXPECT_EQ(utf8("\xC0\xAF", Encoding::utf8), "bad at 0");      // overlong
  EXPECT_EQ(utf8("\xED\xA0\x80", Encoding::utf8), "bad at 0");  // surrogate
  EXPECT_EQ(utf8("ok \xF0\x9F\x8D\x9E", Encoding::utf8), "ok \xF0\x9F\x8D\x9E");
  EXPECT_EQ(bad_byte_reason("ab\x81", 2, Encoding::cp1252),
            "byte 0x81 is not a cp1252 character (set file.encoding to the file's encoding)");
}

TEST(LabelMarkers, TheWordAfterTheMarker) {
  const std::string_view label =
      "PRELEVEMENT EUROPEEN 4321 DE: ASSO MOTIF: Adhésion REF: ADH-2026-0007 MANDAT RUM-0007";
  EXPECT_EQ(word_after(label, "REF:"), "ADH-2026-0007");
  EXPECT_EQ(word_after(label, "MANDAT"), "RUM-0007");
  EXPECT_EQ(word_after("PRLV SEPA RUM:FR42XYZ EDF", "RUM:"), "FR42XYZ");
  EXPECT_EQ(word_after(label, "RUM:"), "");
  EXPECT_EQ(word_after(label, ""), "");
  EXPECT_EQ(word_after("VIR REF:", "REF:"), "");
}

}  // namespace
}  // namespace caisse::adapters::bankcsv
