#include "plugins/plugin_loader.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace caisse::host::plugins {
namespace {

namespace fs = std::filesystem;

const fs::path kTestPlugins = CAISSE_TEST_PLUGIN_DIR;
const fs::path kPlugins = CAISSE_PLUGIN_DIR;

Result<std::shared_ptr<LoadedPlugin>> load_test_plugin(const std::string& name) {
  return load_plugin({name, {kTestPlugins}, std::nullopt});
}

std::string refusal(const std::string& name) {
  auto loaded = load_test_plugin(name);
  EXPECT_FALSE(loaded.ok()) << name << " loaded";
  return loaded.ok() ? std::string() : loaded.error().message;
}

std::string prefix(const std::string& name) {
  return (kTestPlugins / (name + ".so")).string() + ": refused: ";
}

// A private directory (mode 0700) holding a copy of hello.so, removed afterwards.
class CopiedHello : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::path(::testing::TempDir()) / "caisse-loader-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    copy_ = dir_ / "hello.so";
    fs::copy_file(kPlugins / "hello.so", copy_);
    fs::permissions(copy_, fs::perms::owner_read | fs::perms::owner_write);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  fs::path copy_;
};

TEST(PluginLoader, HelloLoadsWithItsDescriptorPathAndHash) {
  auto loaded = load_plugin({"hello", {kPlugins}, std::nullopt});
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const LoadedPlugin& hello = **loaded;
  EXPECT_STREQ(hello.name(), "hello");
  EXPECT_STREQ(hello.descriptor().version, "1.0.0");
  EXPECT_EQ(hello.descriptor().roles, static_cast<std::uint32_t>(CAISSE_ROLE_RULE));
  EXPECT_EQ(hello.path(), fs::canonical(kPlugins / "hello.so"));
  EXPECT_EQ(hello.sha256().size(), 64u);
  EXPECT_EQ(hello.sha256().find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(PluginLoader, DirectoriesAreSearchedInOrder) {
  auto loaded = load_plugin({"hello", {kTestPlugins, kPlugins}, std::nullopt});
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ((*loaded)->path(), fs::canonical(kPlugins / "hello.so"));
}

TEST(PluginLoader, MissingFileNamesEveryDirectorySearched) {
  auto loaded = load_plugin({"nosuch", {"/nonexistent/a", "/nonexistent/b"}, std::nullopt});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message, "plugin nosuch: not found in /nonexistent/a, /nonexistent/b");
}

TEST(PluginLoader, NameThatIsNotAFileNameIsRefused) {
  auto loaded = load_plugin({"../hello", {kPlugins}, std::nullopt});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message, "plugin ../hello: refused: the name must match [a-z0-9_-]+");
}

TEST(PluginLoader, ValidCPluginLoads) {
  auto loaded = load_test_plugin("valid_c_rule");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ((*loaded)->descriptor().config_field_count, 1u);
}

TEST(PluginLoader, DifferentAbiMajorIsRefused) {
  EXPECT_EQ(refusal("wrong_major"),
            prefix("wrong_major") + "built for ABI major 2, this host implements ABI 1.4");
}

TEST(PluginLoader, NewerRequiredMinorIsRefused) {
  EXPECT_EQ(refusal("newer_minor"),
            prefix("newer_minor") + "requires ABI 1.5, this host implements ABI 1.4");
}

TEST(PluginLoader, MissingEntryPointIsRefused) {
  EXPECT_EQ(refusal("no_entry"),
            prefix("no_entry") +
                "no symbol caisse_plugin_entry: not a caisse plugin, or built without "
                "CAISSE_PLUGIN");
}

TEST(PluginLoader, EntryPointReturningNullIsRefused) {
  EXPECT_EQ(refusal("null_descriptor"),
            prefix("null_descriptor") + "caisse_plugin_entry returned NULL");
}

TEST(PluginLoader, EntryPointThatThrowsIsRefused) {
  EXPECT_EQ(refusal("throwing_entry"),
            prefix("throwing_entry") + "caisse_plugin_entry threw: entry exploded");
}

TEST(PluginLoader, DescriptorSmallerThanAbi10IsRefused) {
  EXPECT_EQ(refusal("small_descriptor"),
            prefix("small_descriptor") +
                "descriptor struct_size 16 is smaller than 96, its size in ABI 1.0");
}

TEST(PluginLoader, DescriptorNameDifferentFromFileNameIsRefused) {
  EXPECT_EQ(refusal("name_mismatch"),
            prefix("name_mismatch") +
                "descriptor names the plugin \"someone_else\", the file is name_mismatch.so");
}

TEST(PluginLoader, DeclaredRoleWithoutHookTableIsRefused) {
  EXPECT_EQ(refusal("role_without_hooks"),
            prefix("role_without_hooks") + "declares role currency but has no currency hook table");
}

TEST(PluginLoader, HookTableWithoutDeclaredRoleIsRefused) {
  EXPECT_EQ(refusal("hooks_without_role"),
            prefix("hooks_without_role") + "has a rule hook table but does not declare role rule");
}

TEST(PluginLoader, HookTableSmallerThanAbi10IsRefused) {
  EXPECT_EQ(refusal("small_hook_table"),
            prefix("small_hook_table") +
                "rule hook table struct_size 4 is smaller than 16, its size in ABI 1.0");
}

TEST(PluginLoader, RuleHookTableWithEveryHookNullIsRefused) {
  EXPECT_EQ(refusal("no_rule_hook"),
            prefix("no_rule_hook") +
                "rule hook table has every hook NULL: set at least one of "
                "caisse_on_rule_allocate, caisse_on_rule_suggest_contribution, "
                "caisse_on_rule_bonus");
}

TEST(PluginLoader, PluginBuiltAgainstAbi10StillLoads) {
  auto loaded = load_test_plugin("abi_1_0_rule");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ((*loaded)->descriptor().abi_minor_required, 0u);
  EXPECT_EQ((*loaded)->descriptor().rule->struct_size, 2 * sizeof(void*));  // 1.0's table
}

TEST(PluginLoader, RulePluginWithoutAllocateLoads) {
  auto loaded = load_test_plugin("grid_and_bonus");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ((*loaded)->descriptor().rule->caisse_on_rule_allocate, nullptr);
}

// A plugin built against ABI 1.3 could name the COLLECTOR role, but had no table to give it.
TEST(PluginLoader, MoneyRoleFromAnOlderHeaderIsRefused) {
  EXPECT_EQ(refusal("unsupported_role"),
            prefix("unsupported_role") +
                "declares role collector, whose hook table came with ABI 1.4, but was built "
                "against an older header");
}

TEST(PluginLoader, ConfigFieldOfUnknownTypeIsRefused) {
  EXPECT_EQ(refusal("schema_bad_type"),
            prefix("schema_bad_type") + "config field \"amount\": unknown type 9");
}

TEST(PluginLoader, SecretConfigFieldThatIsNotAStringIsRefused) {
  EXPECT_EQ(refusal("schema_secret_integer"),
            prefix("schema_secret_integer") +
                "config field \"pin\": SECRET is only for strings, this field is integer");
}

TEST(PluginLoader, RequiredConfigFieldWithDefaultIsRefused) {
  EXPECT_EQ(refusal("schema_required_default"),
            prefix("schema_required_default") +
                "config field \"amount\": REQUIRED and has a default \"5\"; a required field has "
                "none");
}

TEST(PluginLoader, DuplicateConfigFieldIsRefused) {
  EXPECT_EQ(refusal("schema_duplicate"),
            prefix("schema_duplicate") + "config field \"amount\" is declared twice");
}

TEST(PluginLoader, ConfigFieldNameWithForbiddenCharactersIsRefused) {
  EXPECT_EQ(refusal("schema_bad_name"),
            prefix("schema_bad_name") + "config field \"Amount-Per\": name must match [a-z0-9_]+");
}

TEST(PluginLoader, ConfigDefaultThatDoesNotParseAsItsTypeIsRefused) {
  EXPECT_EQ(refusal("schema_bad_default"),
            prefix("schema_bad_default") +
                "config field \"amount\": default \"ten\" does not parse as integer");
}

TEST_F(CopiedHello, WorldWritableFileIsRefused) {
  fs::permissions(copy_, fs::perms::others_write, fs::perm_options::add);
  auto loaded = load_plugin({"hello", {dir_}, std::nullopt});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message,
            copy_.string() + ": refused: the file is writable by everyone (mode 0602)");
}

TEST_F(CopiedHello, WorldWritableDirectoryIsRefused) {
  fs::permissions(dir_, fs::perms::others_all, fs::perm_options::add);
  auto loaded = load_plugin({"hello", {dir_}, std::nullopt});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message, copy_.string() + ": refused: its directory " +
                                        fs::canonical(dir_).string() +
                                        " is writable by everyone (mode 0707)");
}

TEST_F(CopiedHello, PinnedSha256ThatDiffersIsRefusedShowingBoth) {
  const std::string actual = (*load_plugin({"hello", {dir_}, std::nullopt}))->sha256();
  const std::string pinned(64, 'a');
  auto loaded = load_plugin({"hello", {dir_}, pinned});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message, copy_.string() + ": refused: SHA-256 is " + actual +
                                        ", the configuration pins " + pinned);
}

TEST_F(CopiedHello, PinnedSha256ThatMatchesLoadsInEitherCase) {
  std::string pinned = (*load_plugin({"hello", {dir_}, std::nullopt}))->sha256();
  for (char& c : pinned) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto loaded = load_plugin({"hello", {dir_}, pinned});
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
}

TEST_F(CopiedHello, FileTheDynamicLoaderRejectsIsRefusedWithItsMessage) {
  const fs::path garbage = dir_ / "garbage.so";
  std::ofstream(garbage) << std::string(256, 'x');
  auto loaded = load_plugin({"garbage", {dir_}, std::nullopt});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message, garbage.string() + ": refused: dlopen failed: " +
                                        fs::canonical(garbage).string() + ": invalid ELF header");
}

}  // namespace
}  // namespace caisse::host::plugins
