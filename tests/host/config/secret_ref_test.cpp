#include "config/secret_ref.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "config_files.hpp"

namespace caisse::host::config {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(SecretRef, EnvironmentVariableResolves) {
  setenv("CAISSE_TEST_SECRET", "tok-123", 1);
  auto ref = SecretRef::parse("env:CAISSE_TEST_SECRET", "/", false);
  ASSERT_TRUE(ref.ok()) << ref.error().message;
  EXPECT_EQ(ref->resolve().value(), "tok-123");
  EXPECT_EQ(ref->describe(), "env:CAISSE_TEST_SECRET");
}

TEST(SecretRef, UnsetVariableIsAnErrorNamingIt) {
  unsetenv("CAISSE_TEST_UNSET");
  auto ref = SecretRef::parse("env:CAISSE_TEST_UNSET", "/", false);
  ASSERT_TRUE(ref.ok());
  auto value = ref->resolve();
  ASSERT_FALSE(value.ok());
  EXPECT_THAT(value.error().message, HasSubstr("CAISSE_TEST_UNSET is not set"));
}

TEST(SecretRef, FileIsReadFromTheBaseFolderWithoutTrailingNewline) {
  ConfigFiles files;
  files.write("secrets/token", "abc\n");
  auto ref = SecretRef::parse("file:secrets/token", files.dir(), false);
  ASSERT_TRUE(ref.ok());
  EXPECT_EQ(ref->resolve().value(), "abc");
}

TEST(SecretRef, EmptyOrMissingFileIsAnError) {
  ConfigFiles files;
  files.write("empty", "\n");
  auto empty = SecretRef::parse("file:empty", files.dir(), false)->resolve();
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.error().message, HasSubstr("is empty"));
  auto missing = SecretRef::parse("file:nope", files.dir(), false)->resolve();
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().message, HasSubstr("cannot read secret file"));
}

TEST(SecretRef, PlainValueIsRefusedUnlessAllowedAndNeverRepeated) {
  auto refused = SecretRef::parse("hunter2", "/", false);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, Not(HasSubstr("hunter2")));
  auto allowed = SecretRef::parse("postgresql://db/caisse", "/", true);
  ASSERT_TRUE(allowed.ok());
  EXPECT_EQ(allowed->resolve().value(), "postgresql://db/caisse");
  EXPECT_EQ(allowed->describe(), "(inline value)");
}

TEST(SecretRef, MalformedReferencesAreRefused) {
  EXPECT_FALSE(SecretRef::parse("env:", "/", false).ok());
  EXPECT_FALSE(SecretRef::parse("env:1ABC", "/", false).ok());
  EXPECT_FALSE(SecretRef::parse("env:A-B", "/", false).ok());
  EXPECT_FALSE(SecretRef::parse("file:", "/", false).ok());
}

}  // namespace
}  // namespace caisse::host::config
