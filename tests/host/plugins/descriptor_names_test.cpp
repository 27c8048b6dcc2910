#include "plugins/descriptor_names.hpp"

#include <gtest/gtest.h>

namespace caisse::host::plugins {
namespace {

TEST(DescriptorNames, RolesAreListedInBitOrderWithUnknownBitsInHex) {
  EXPECT_EQ(role_list(CAISSE_ROLE_RULE | CAISSE_ROLE_CURRENCY | (1u << 6)),
            (std::vector<std::string>{"currency", "rule", "0x40"}));
  EXPECT_EQ(role_names(CAISSE_ROLE_COLLECTOR | CAISSE_ROLE_PAYOUT), "collector, payout");
  EXPECT_EQ(role_names(0), "none");
}

TEST(DescriptorNames, ConfigTypesAndStatusesHaveTheirAbiNames) {
  EXPECT_STREQ(config_type_name(CAISSE_CONFIG_TYPE_INTEGER), "integer");
  EXPECT_EQ(status_name(CAISSE_STATUS_UNAVAILABLE), "UNAVAILABLE");
  EXPECT_EQ(status_name(static_cast<caisse_status_t>(42)), "status 42");
}

}  // namespace
}  // namespace caisse::host::plugins
