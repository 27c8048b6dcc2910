// kohinos: Kohinos, the MLCC management software (MonA Montpellier and Gironde, Doume), by file
// exchange until its API is known. The caisse writes a credit file a gestionnaire executes,
// gets a confirmation back, and imports the instance's transaction export, whose columns vary
// from one instance to the next: hence a mapping each caisse adjusts. Everything is the shared
// file-exchange kit; this file brings the default mapping (kohinos.toml) and defaults. The
// currency has no default (MONA, DOUME...). README.md says what the operator does.
#include <caisse/sdk.hpp>

#include "file_exchange_kit/config_schema.hpp"
#include "file_exchange_kit/file_adapter.hpp"
#include "kohinos_default_mapping.hpp"

namespace {

namespace kit = caisse::adapters::file_exchange_kit;

constexpr auto kohinos_config = kit::config_schema(nullptr, "kohinos-credits");

class Kohinos : public kit::FileAdapter {
 public:
  explicit Kohinos(caisse::sdk::Host host)
      : FileAdapter(host, {kDefaultMapping, "kohinos.toml (default mapping)"}) {}
};

}  // namespace

CAISSE_PLUGIN(Kohinos, "kohinos", "1.0.0",
              "Kohinos by file exchange: credit file, confirmations, transaction exports "
              "(columns per instance), accredited prestataires.",
              kohinos_config)
