// moneko: the Moneko (MLC44, Loire-Atlantique) adapter, by file exchange. Moneko publishes no
// API: the caisse writes a bulk credit file that MLC44 executes once the funds have arrived
// ("une fois vérification des fonds reçus"), MLC44 sends back a confirmation, and its
// back-office transaction export tells which accredited shops the households paid. Everything
// is the shared file-exchange kit; this file brings the default mapping (moneko.toml) and
// defaults. README.md says what the operator does.
#include <caisse/sdk.hpp>

#include "file_exchange_kit/config_schema.hpp"
#include "file_exchange_kit/file_adapter.hpp"
#include "moneko_default_mapping.hpp"

namespace {

namespace kit = caisse::adapters::file_exchange_kit;

constexpr auto moneko_config = kit::config_schema("MNK", "moneko-credits");

class Moneko : public kit::FileAdapter {
 public:
  explicit Moneko(caisse::sdk::Host host)
      : FileAdapter(host, {kDefaultMapping, "moneko.toml (default mapping)"}) {}
};

}  // namespace

CAISSE_PLUGIN(Moneko, "moneko", "1.0.0",
              "Moneko by file exchange: bulk credit file, confirmations, transaction exports, "
              "conventionné list.",
              moneko_config)
