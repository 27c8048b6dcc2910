#include "daemon/gate_refresher.hpp"

#include <spdlog/spdlog.h>

#include "csv/iso_date.hpp"
#include "cycle/allocation_cycle.hpp"
#include "daemon/currency_instances.hpp"
#include "merchants/merchant_sync.hpp"
#include "registry/merchants_gate.hpp"

namespace caisse::host::daemon {

void refresh_every_merchant_gate(const config::DaemonConfig& config, CycleService& caisses,
                                 const PluginCatalog& catalog) {
  const std::string today = csv::format_date(cycle::system_today());
  for (const config::CaisseConfig& caisse : config.caisses) {
    std::size_t flipped = 0;
    auto done = caisses.with_caisse_locked(
        caisse.id,
        [&](const config::CaisseConfig& locked, store::PgConnection& db) -> Result<void> {
          auto changes = registry::refresh_merchant_gates(db, locked.id, today, "daily");
          if (!changes) return changes.error();
          if (!registry::any_gate_flipped(*changes)) return {};
          flipped = changes->size();
          merchants::sync_merchants(db, locked.id, currency_instances(catalog, locked));
          return {};
        });
    if (!done) {
      spdlog::warn("event=merchant_gates_refresh_failed caisse={} reason=\"{}\"", caisse.id,
                   done.error().message);
    } else if (flipped > 0) {
      spdlog::info("event=merchant_gates_refreshed caisse={} actor=daily changes={}", caisse.id,
                   flipped);
    }
  }
}

}  // namespace caisse::host::daemon
