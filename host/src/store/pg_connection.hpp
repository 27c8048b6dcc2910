// One connection to PostgreSQL (libpq), owned: closed when the object goes. Statements run
// synchronously on the calling thread; a connection is used by one thread at a time (the pool
// hands out leases for that).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/conninfo.hpp"
#include "store/pg_result.hpp"

struct pg_conn;

namespace caisse::host::store {

class PgConnection {
 public:
  // `conninfo` is a URI (`postgresql://…`) or a `key=value` list. The error names the server
  // with its password redacted.
  static Result<PgConnection> connect(const std::string& conninfo);

  PgConnection(PgConnection&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  PgConnection& operator=(PgConnection&& other) noexcept;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  // Runs one or several `;`-separated statements (simple query protocol); the result is the
  // last statement's. Errors read `postgres error SQLSTATE: message (while: <start of sql>)`.
  Result<PgResult> exec(std::string_view sql);

  // Runs one statement with `$1…$n` bound to `params` (text format; nullopt is SQL NULL).
  // Text parameters cannot carry a NUL byte: pass bytes to a bytea column as
  // `bytea_hex(bytes)` and read them back with `decode_bytea` (see store/bytea.hpp).
  Result<PgResult> exec_params(std::string_view sql,
                               const std::vector<std::optional<std::string>>& params);

  // False once the server is known to be gone: libpq saw the connection break, or the server
  // sent something on an idle connection (it does so when terminating it) and a round trip
  // then fails. Cheap when the connection is fine: one poll(2) with no wait.
  bool healthy();

  // The server process serving this connection (pg_backend_pid()).
  int backend_pid() const;

 private:
  explicit PgConnection(pg_conn* conn) : conn_(conn) {}
  Result<PgResult> check(struct pg_result* result, std::string_view sql);

  pg_conn* conn_;
};

}  // namespace caisse::host::store
