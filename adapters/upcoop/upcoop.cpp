// upcoop: Up cards (UpCoop / Groupe Up: UpDéjeuner Mastercard, Up+), by file exchange. Up has
// no public API: the caisse writes the card-load order file (XLSX, as the client space's
// "Commande fichier" takes it, or CSV) that the operator uploads, Up's order report confirms the
// loads, and card statements tell where households paid, which is what a purchase bonus (Gers,
// Vital'im) is computed from. Cards are paired with households by the caisse's accounts file.
// Everything is the shared file-exchange kit; this file brings the default mapping
// (upcoop.toml) and defaults. README.md says what the operator does.
#include <caisse/sdk.hpp>

#include "file_exchange_kit/config_schema.hpp"
#include "file_exchange_kit/file_adapter.hpp"
#include "upcoop_default_mapping.hpp"

namespace {

namespace kit = caisse::adapters::file_exchange_kit;

constexpr auto upcoop_config = kit::config_schema("EUR", "up-order");

class UpCoop : public kit::FileAdapter {
 public:
  explicit UpCoop(caisse::sdk::Host host)
      : FileAdapter(host, {kDefaultMapping, "upcoop.toml (default mapping)"}) {}
};

}  // namespace

CAISSE_PLUGIN(UpCoop, "upcoop", "1.0.0",
              "Up cards by file exchange: card-load order file (XLSX or CSV), order reports, "
              "card statements, bonus merchant list.",
              upcoop_config)
