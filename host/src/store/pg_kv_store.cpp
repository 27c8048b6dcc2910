#include "store/pg_kv_store.hpp"

#include "store/bytea.hpp"

namespace caisse::host::store {

Result<std::optional<std::string>> PgKvStore::get(std::string_view caisse_id,
                                                  std::string_view instance, std::string_view key) {
  auto lease = pool_.acquire(acquire_timeout_);
  if (!lease) return lease.error();
  auto found = (*lease)->exec_params(
      "SELECT value FROM plugin_kv WHERE caisse_id = $1 AND instance = $2 AND key = $3",
      {std::string(caisse_id), std::string(instance), std::string(key)});
  if (!found) return found.error();
  if (found->rows() == 0) return std::optional<std::string>();
  auto value = decode_bytea(found->get(0, 0));
  if (!value) return value.error();
  return std::optional<std::string>(std::move(value.value()));
}

Result<void> PgKvStore::put(std::string_view caisse_id, std::string_view instance,
                            std::string_view key, std::string_view value) {
  auto lease = pool_.acquire(acquire_timeout_);
  if (!lease) return lease.error();
  auto stored = (*lease)->exec_params(
      "INSERT INTO plugin_kv (caisse_id, instance, key, value) VALUES ($1, $2, $3, $4)"
      " ON CONFLICT (caisse_id, instance, key)"
      " DO UPDATE SET value = excluded.value, updated_at = now()",
      {std::string(caisse_id), std::string(instance), std::string(key), bytea_hex(value)});
  if (!stored) return stored.error();
  return {};
}

}  // namespace caisse::host::store
