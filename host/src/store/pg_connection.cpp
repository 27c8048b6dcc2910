#include "store/pg_connection.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>

namespace caisse::host::store {
namespace {

// How much of a statement an error message quotes: enough to recognise it, short enough to
// keep the log line readable.
constexpr std::size_t kQuotedSqlLength = 60;

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// The start of a statement on one line: whitespace runs become one space.
std::string quote_sql(std::string_view sql) {
  std::string out;
  bool truncated = false;
  for (char c : sql) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    if (out.size() == kQuotedSqlLength) {
      truncated = true;
      break;
    }
    out += space ? ' ' : c;
  }
  // A cut must not split a UTF-8 sequence: drop the trailing non-ASCII bytes.
  while (truncated && !out.empty() && (static_cast<unsigned char>(out.back()) & 0x80) != 0) {
    out.pop_back();
  }
  return trimmed(out);
}

void log_notice(void* /*arg*/, const PGresult* result) {
  const char* message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  spdlog::debug("event=postgres_notice message=\"{}\"", message ? message : "");
}

}  // namespace

Result<PgConnection> PgConnection::connect(const std::string& conninfo) {
  PgConnection connection(PQconnectdb(conninfo.c_str()));
  if (connection.conn_ == nullptr) return make_error("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(connection.conn_) != CONNECTION_OK) {
    return make_error("cannot connect to PostgreSQL (" + redact_conninfo(conninfo) +
                      "): " + trimmed(PQerrorMessage(connection.conn_)));
  }
  // Notices (e.g. "relation already exists, skipping") would otherwise go to stderr raw.
  PQsetNoticeReceiver(connection.conn_, log_notice, nullptr);
  return connection;
}

PgConnection& PgConnection::operator=(PgConnection&& other) noexcept {
  if (this != &other) {
    PQfinish(conn_);
    conn_ = other.conn_;
    other.conn_ = nullptr;
  }
  return *this;
}

PgConnection::~PgConnection() {
  PQfinish(conn_);
}

Result<PgResult> PgConnection::check(PGresult* raw, std::string_view sql) {
  PgResult result(raw);  // owns raw from here, whatever happens
  ExecStatusType status = PQresultStatus(raw);
  if (raw != nullptr &&
      (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)) {
    return result;
  }
  const char* sqlstate = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = raw ? PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = "postgres error";
  if (sqlstate != nullptr) message += std::string(" ") + sqlstate;
  message += ": ";
  // Without a primary message the failure is the connection's (server gone, out of memory).
  message += primary != nullptr ? std::string(primary) : trimmed(PQerrorMessage(conn_));
  return make_error(message + " (while: " + quote_sql(sql) + ")");
}

Result<PgResult> PgConnection::exec(std::string_view sql) {
  return check(PQexec(conn_, std::string(sql).c_str()), sql);
}

Result<PgResult> PgConnection::exec_params(std::string_view sql,
                                           const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  return check(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(values.size()),
                            nullptr, values.data(), nullptr, nullptr, 0),
               sql);
}

bool PgConnection::healthy() {
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) return false;
  pollfd socket{PQsocket(conn_), POLLIN, 0};
  int ready = poll(&socket, 1, 0);
  if (ready == 0) return true;
  // An idle connection has nothing to read unless the server is closing it (restart,
  // pg_terminate_backend) or sent a notification: one empty round trip tells which.
  PGresult* probe = PQexec(conn_, "");
  bool answered = PQresultStatus(probe) == PGRES_EMPTY_QUERY;
  PQclear(probe);
  return answered && PQstatus(conn_) == CONNECTION_OK;
}

int PgConnection::backend_pid() const {
  return PQbackendPID(conn_);
}

}  // namespace caisse::host::store
