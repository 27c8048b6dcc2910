#include "store/pg_result.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace caisse::host::store {

PgResult& PgResult::operator=(PgResult&& other) noexcept {
  if (this != &other) {
    PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

PgResult::~PgResult() {
  PQclear(result_);
}

int PgResult::rows() const {
  return PQntuples(result_);
}

int PgResult::columns() const {
  return PQnfields(result_);
}

void PgResult::check_cell(int row, int column) const {
  if (row < 0 || row >= rows() || column < 0 || column >= columns()) {
    throw std::out_of_range("PgResult cell (" + std::to_string(row) + ", " +
                            std::to_string(column) + ") outside " + std::to_string(rows()) +
                            " rows x " + std::to_string(columns()) + " columns");
  }
}

std::string_view PgResult::get(int row, int column) const {
  check_cell(row, column);
  return {PQgetvalue(result_, row, column),
          static_cast<std::size_t>(PQgetlength(result_, row, column))};
}

bool PgResult::is_null(int row, int column) const {
  check_cell(row, column);
  return PQgetisnull(result_, row, column) != 0;
}

long PgResult::affected_rows() const {
  const char* tuples = PQcmdTuples(result_);
  return *tuples == '\0' ? 0 : std::strtol(tuples, nullptr, 10);
}

std::string_view PgResult::command_tag() const {
  return PQcmdStatus(result_);
}

}  // namespace caisse::host::store
