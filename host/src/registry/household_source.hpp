// The households a monthly cycle credits, read from the registry: those active in the month,
// that is joined on or before its last day and not left before its first day. Read in batches
// by keyset pagination (id > last id seen, ordered by id), so that a large registry is never
// held in memory at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "cycle/cycle_ports.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::registry {

class RegistryHouseholdSource final : public cycle::HouseholdSource {
 public:
  // Reads `caisse_id`'s households on `db`, which must outlive this object.
  RegistryHouseholdSource(store::PgConnection& db, std::string caisse_id);

  Result<std::uint64_t> count(Month month) override;
  // A batch_size of 0 is read as 1.
  Result<void> for_each_batch(Month month, std::size_t batch_size,
                              const cycle::HouseholdBatch& batch) override;

 private:
  store::PgConnection& db_;
  std::string caisse_id_;
};

}  // namespace caisse::host::registry
