// A cyclos adapter instance, loaded by the real loader with the host's callbacks, talking to a
// Cyclos test peer served on 127.0.0.1 (the peer can be replaced with other options before the
// instance is made).
#pragma once

#include <gtest/gtest.h>

#include <stdlib.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "cyclos_peer.hpp"
#include "cyclos_peer_server.hpp"
#include "fake_plugin_services.hpp"
#include "one_shot_http_server.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"
#include "temp_dir.hpp"
#include "validated_plugin_config.hpp"

namespace caisse::host::plugins {

class CyclosAdapterFixture : public ::testing::Test {
 protected:
  static constexpr const char* kToken = "caisse-access-client-token";
  using Overrides = caisse::testing::PluginConfig;

  CyclosAdapterFixture() { use_peer({}); }

  // Replaces the peer (and its server) by one with these options; the access client token is
  // always kToken.
  void use_peer(caisse::testing::cyclos::CyclosPeerOptions options,
                caisse::testing::cyclos::CyclosPeerServerOptions server_options = {
                    .hold = std::chrono::milliseconds(400)}) {
    server_.reset();
    options.access_client_token = kToken;
    peer_.emplace(std::move(options));
    server_ = std::make_unique<caisse::testing::cyclos::CyclosPeerServer>(*peer_, server_options);
  }

  caisse::testing::cyclos::CyclosPeer& peer() { return *peer_; }

  // The instance as an operator would configure it: the required keys, the defaults of the
  // plugin's schema, `overrides` on top, checked by the daemon's own validation. Secrets are
  // given as env: references, as in a caisse file.
  Result<std::unique_ptr<PluginInstance>> try_instance(const Overrides& overrides = {},
                                                       std::string origin = {}) {
    auto loaded = load_plugin({"cyclos", {CAISSE_PLUGIN_DIR}, std::nullopt});
    if (!loaded) return loaded.error();
    if (origin.empty()) origin = server_->url();
    caisse::testing::PluginConfig config{{"base_url", origin + "/api"},
                                         {"access_client_token", std::string(kToken)},
                                         {"currency", std::string("MNK")},
                                         {"payment_type", std::string("debit.toUser")},
                                         {"household_field", std::string("caisse_household")},
                                         {"operation_field", std::string("caisse_operation")},
                                         {"timeout_ms", std::int64_t{250}}};
    for (const auto& [key, value] : overrides) config[key] = value;
    for (const char* secret : {"access_client_token", "basic_password"}) {
      auto given = config.find(secret);
      if (given == config.end()) continue;
      const std::string variable = std::string("CAISSE_TEST_CYCLOS_") + secret;
      ::setenv(variable.c_str(), std::get<std::string>(given->second).c_str(), 1);
      given->second = "env:" + variable;
    }
    auto resolved = caisse::testing::validated_plugin_config((*loaded)->descriptor(), "cyclos",
                                                             config, dir_.path(), {origin});
    if (!resolved) return resolved.error();
    return PluginInstance::create(*loaded, "nantes-ouest", "cyclos", std::move(*resolved),
                                  services_);
  }

  std::unique_ptr<PluginInstance> instance(const Overrides& overrides = {},
                                           std::string origin = {}) {
    auto created = try_instance(overrides, std::move(origin));
    if (!created) throw std::runtime_error(created.error().message);
    return std::move(created.value());
  }

  static std::string operation(const std::string& household, const std::string& month = "2026-11") {
    return "alloc/nantes-ouest/" + month + "/" + household;
  }
  static CreditLine line(const std::string& household, std::int64_t minor,
                         const std::string& month = "2026-11") {
    return {operation(household, month), household, {minor, "MNK"}, "Allocation " + month};
  }
  static constexpr std::int64_t november_start() { return 1'793'491'200'000; }  // 2026-11-01Z
  static constexpr std::int64_t december_start() { return 1'796'083'200'000; }  // 2026-12-01Z

  FakePluginServices services_;
  caisse::testing::TempDir dir_;  // the caisse file's folder, for the config check
  std::optional<caisse::testing::cyclos::CyclosPeer> peer_;
  std::unique_ptr<caisse::testing::cyclos::CyclosPeerServer> server_;
};

}  // namespace caisse::host::plugins
