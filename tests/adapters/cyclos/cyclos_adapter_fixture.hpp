// A cyclos adapter instance, loaded by the real loader with the host's callbacks, talking to a
// Cyclos test peer served on 127.0.0.1 (the peer can be replaced with other options before the
// instance is made).
#pragma once

#include <gtest/gtest.h>

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

namespace caisse::host::plugins {

class CyclosAdapterFixture : public ::testing::Test {
 protected:
  static constexpr const char* kToken = "caisse-access-client-token";
  using Overrides = std::map<std::string, std::variant<std::string, std::int64_t, bool>>;

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

  Result<std::unique_ptr<PluginInstance>> try_instance(const Overrides& overrides = {},
                                                       std::string origin = {}) {
    auto loaded = load_plugin({"cyclos", {CAISSE_PLUGIN_DIR}, std::nullopt});
    if (!loaded) return loaded.error();
    if (origin.empty()) origin = server_->url();
    config::ResolvedPluginConfig config;
    config.values["base_url"] = {origin + "/api", false};
    config.values["auth"] = {std::string("access_client"), false};
    config.values["access_client_token"] = {std::string(kToken), true};
    config.values["basic_user"] = {std::string(), false};
    config.values["currency"] = {std::string("MNK"), false};
    config.values["decimal_digits"] = {std::int64_t{2}, false};
    config.values["payment_type"] = {std::string("debit.toUser"), false};
    config.values["household_field"] = {std::string("caisse_household"), false};
    config.values["operation_field"] = {std::string("caisse_operation"), false};
    config.values["member_group"] = {std::string(), false};
    config.values["timeout_ms"] = {std::int64_t{250}, false};
    config.values["page_size"] = {std::int64_t{100}, false};
    config.values["lost_after_seconds"] = {std::int64_t{900}, false};
    config.values["purchase_transfer_types"] = {std::string(), false};
    config.values["accreditation"] = {std::string("none"), false};
    config.values["accredited_group"] = {std::string(), false};
    config.values["suspended_group"] = {std::string(), false};
    for (const auto& [key, value] : overrides) {
      std::visit([&](const auto& v) { config.values[key] = {v, false}; }, value);
    }
    config.http_allow = {origin};
    return PluginInstance::create(*loaded, "nantes-ouest", "cyclos", std::move(config), services_);
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
  std::optional<caisse::testing::cyclos::CyclosPeer> peer_;
  std::unique_ptr<caisse::testing::cyclos::CyclosPeerServer> server_;
};

}  // namespace caisse::host::plugins
