#include "config/listen_address.hpp"

#include <gtest/gtest.h>

namespace caisse::host::config {
namespace {

TEST(ListenAddress, HostAndPort) {
  auto a = parse_listen_address("127.0.0.1:8420");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8420);
}

TEST(ListenAddress, BracketedIpv6) {
  auto a = parse_listen_address("[::1]:0");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "::1");
  EXPECT_EQ(a->port, 0);
}

TEST(ListenAddress, MalformedAddressesAreRefused) {
  for (const char* text : {"", "8420", ":8420", "host:", "host:65536", "host:-1", "host:80x",
                           "::1:8420", "[::1:8420", "[]:80"}) {
    EXPECT_FALSE(parse_listen_address(text).ok()) << text;
  }
}

}  // namespace
}  // namespace caisse::host::config
