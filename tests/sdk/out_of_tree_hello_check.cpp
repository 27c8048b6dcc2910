// Loads the hello.so that tests/sdk/out_of_tree_hello.sh built against the installed SDK alone,
// and checks that the host accepts it and that it computes an allocation. Usage:
//   out_of_tree_hello_check <directory holding hello.so>
#include <cstdio>

#include "fake_plugin_services.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"

int main(int argc, char** argv) {
  using namespace caisse::host::plugins;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <directory holding hello.so>\n", argv[0]);
    return 2;
  }
  auto loaded = load_plugin({"hello", {argv[1]}, std::nullopt});
  if (!loaded) {
    std::fprintf(stderr, "FAIL: %s\n", loaded.error().message.c_str());
    return 1;
  }
  caisse::host::config::ResolvedPluginConfig config;
  config.values["amount_per_person"] = {std::int64_t{10000}, false};
  config.values["greeting"] = {std::string("Bonjour"), false};
  FakePluginServices services;
  auto instance =
      PluginInstance::create(*loaded, "demo", "allocation", std::move(config), services);
  if (!instance) {
    std::fprintf(stderr, "FAIL: %s\n", instance.error().message.c_str());
    return 1;
  }
  // 10000 minor units × (2 adults + 1 child).
  auto amount = (*instance)->allocate({"h1", 2, 1, "2026-11", "EUR", 0, 1});
  if (!amount || *amount != 30000) {
    std::fprintf(stderr, "FAIL: allocate gave %s, expected 30000\n",
                 amount ? std::to_string(*amount).c_str() : amount.error().message.c_str());
    return 1;
  }
  std::printf("OK: %s loaded (sha256 %s), allocate = 30000\n", (*loaded)->path().c_str(),
              (*loaded)->sha256().c_str());
  return 0;
}
