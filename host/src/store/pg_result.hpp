// The rows of one statement, in libpq's text format. Owns the libpq result; views returned by
// get() live as long as this object.
#pragma once

#include <cstddef>
#include <string_view>

// libpq's own types, declared here so this header does not pull libpq-fe.h into every user.
struct pg_result;

namespace caisse::host::store {

class PgResult {
 public:
  explicit PgResult(pg_result* result) : result_(result) {}
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult& operator=(PgResult&& other) noexcept;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  ~PgResult();

  int rows() const;
  int columns() const;
  // The text of a value; empty for NULL (tell the two apart with is_null). Out-of-range
  // coordinates are a bug and throw std::out_of_range.
  std::string_view get(int row, int column) const;
  bool is_null(int row, int column) const;
  // Rows touched by INSERT/UPDATE/DELETE (and the like); 0 for other statements.
  long affected_rows() const;
  // The server's command tag ("INSERT 0 1", "COMMIT", "ROLLBACK"…).
  std::string_view command_tag() const;

 private:
  void check_cell(int row, int column) const;

  pg_result* result_;
};

}  // namespace caisse::host::store
