// The R-transaction reason table: the codes of payments.md §2.3 are all there, once, each with
// both languages, and the ones the brief singles out mean what the caisse must do.
#include <gtest/gtest.h>

#include <set>

#include "reason_codes.hpp"

namespace caisse::adapters::sepa {
namespace {

TEST(ReasonCodes, TheResearchedCodesAreAllThere) {
  for (const char* code :
       {"AC01", "AC04", "AC06", "AC13", "AG01", "AG02", "AM04", "AM05", "AM06", "BE01", "BE05",
        "CNOR", "DNOR", "DT01", "DU01", "DUPL", "FF01", "FOCR", "MD01", "MD02", "MD06", "MD07",
        "MS02", "MS03", "NARR", "RC01", "RR01", "RR02", "RR03", "RR04", "SL01", "TECH", "TM01"}) {
    EXPECT_NE(find_reason_code(code), nullptr) << code;
  }
  EXPECT_EQ(find_reason_code("ZZ99"), nullptr);
}

TEST(ReasonCodes, EachCodeOnceWithBothLanguages) {
  std::set<std::string_view> seen;
  for (const ReasonCode& entry : kReasonCodes) {
    EXPECT_TRUE(seen.insert(entry.code).second) << entry.code << " twice";
    EXPECT_EQ(entry.code.size(), 4u);
    EXPECT_FALSE(entry.explanation_en.empty()) << entry.code;
    EXPECT_FALSE(entry.explanation_fr.empty()) << entry.code;
    EXPECT_FALSE(entry.consequence_en.empty()) << entry.code;
    EXPECT_FALSE(entry.consequence_fr.empty()) << entry.code;
    EXPECT_NE(entry.explanation_en, entry.explanation_fr) << entry.code;
  }
}

TEST(ReasonCodes, WhatTheyMeanForTheContribution) {
  static_assert(find_reason_code("AC04")->action == ReasonAction::new_bank_details);
  EXPECT_EQ(find_reason_code("AM04")->action, ReasonAction::present_again);
  EXPECT_EQ(find_reason_code("MD01")->action, ReasonAction::stop_collecting);
  EXPECT_EQ(find_reason_code("MS02")->action, ReasonAction::stop_collecting);
  EXPECT_EQ(find_reason_code("FF01")->action, ReasonAction::fix_our_file);
}

}  // namespace
}  // namespace caisse::adapters::sepa
