// query_fields: the parameters of the admin API's GET routes, decoded once for every route.
#include <gtest/gtest.h>

#include "http/query_fields.hpp"

namespace caisse::host::http {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

TEST(QueryFields, DecodesEachFieldInOrder) {
  auto fields = query_fields("month=2026-11&name=caf%C3%A9&&empty=&flag");
  ASSERT_TRUE(fields.ok()) << fields.error().message;
  EXPECT_EQ(*fields, (Fields{{"month", "2026-11"}, {"name", "café"}, {"empty", ""}, {"flag", ""}}));
  EXPECT_TRUE(query_fields("")->empty());
}

TEST(QueryFields, NamesTheFieldGivenTwice) {
  auto fields = query_fields("month=2026-11&month=2026-12");
  ASSERT_FALSE(fields.ok());
  EXPECT_EQ(fields.error().message, "month: given twice");
  EXPECT_EQ(fields.error().kind, ErrorKind::invalid);
}

TEST(QueryFields, NamesTheFieldWithABrokenEscape) {
  auto fields = query_fields("month=2026%2");
  ASSERT_FALSE(fields.ok());
  EXPECT_EQ(fields.error().message, "month: malformed percent-encoding");
}

}  // namespace
}  // namespace caisse::host::http
