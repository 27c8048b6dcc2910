#include "store/conninfo.hpp"

#include <gtest/gtest.h>

namespace caisse::host::store {
namespace {

TEST(Conninfo, RedactHidesPasswordOfUri) {
  std::string redacted = redact_conninfo("postgresql://app:s3cret@db.example:5433/caisse");
  EXPECT_EQ(redacted.find("s3cret"), std::string::npos) << redacted;
  EXPECT_NE(redacted.find("password='***'"), std::string::npos) << redacted;
  EXPECT_NE(redacted.find("host='db.example'"), std::string::npos) << redacted;
}

TEST(Conninfo, RedactHidesPasswordOfKeyValueList) {
  std::string redacted = redact_conninfo(R"(host=db user=app password='it\'s secret' dbname=x)");
  EXPECT_EQ(redacted.find("secret"), std::string::npos) << redacted;
  EXPECT_NE(redacted.find("user='app'"), std::string::npos) << redacted;
}

TEST(Conninfo, RedactHidesPasswordInUriQuery) {
  std::string redacted = redact_conninfo("postgresql://db/caisse?password=s3cret&sslmode=require");
  EXPECT_EQ(redacted.find("s3cret"), std::string::npos) << redacted;
  EXPECT_NE(redacted.find("sslmode='require'"), std::string::npos) << redacted;
}

TEST(Conninfo, UnparseableStringIsNotEchoed) {
  std::string redacted = redact_conninfo("host=db password='unterminated s3cret");
  EXPECT_EQ(redacted.find("s3cret"), std::string::npos) << redacted;
}

TEST(Conninfo, WithDbnameReplacesDatabaseOfUri) {
  auto changed = conninfo_with_dbname("postgresql://app:pw@db:5433/caisse", "other");
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_NE(changed->find("dbname='other'"), std::string::npos) << *changed;
  EXPECT_EQ(changed->find("caisse"), std::string::npos) << *changed;
  EXPECT_NE(changed->find("port='5433'"), std::string::npos) << *changed;
}

TEST(Conninfo, WithDbnameAddsDatabaseWhenAbsent) {
  auto changed = conninfo_with_dbname("host=/tmp/s user=caissed", "t_1");
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_NE(changed->find("dbname='t_1'"), std::string::npos) << *changed;
  EXPECT_NE(changed->find("host='/tmp/s'"), std::string::npos) << *changed;
  EXPECT_NE(changed->find("user='caissed'"), std::string::npos) << *changed;
}

TEST(Conninfo, QuotedValueEscapesQuotesAndBackslashes) {
  EXPECT_EQ(quote_conninfo_value(R"(a'b\c)"), R"('a\'b\\c')");
}

}  // namespace
}  // namespace caisse::host::store
