// Result<T>: the value of an operation that can fail for an expected reason (bad input, a peer
// that refuses, a database that is down). The error carries a message that names the file,
// line, field or peer response that caused it, so it can be shown to an operator as is.
// Exceptions are kept for bugs and for the outermost boundary.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace caisse {

// What kind of failure, for whoever must answer for it (the admin API picks its status code
// from it): bad input, something that does not exist, a request the current state refuses, or a
// peer or resource that cannot answer now.
enum class ErrorKind { failed, invalid, not_found, conflict, unavailable };

struct Error {
  std::string message;
  ErrorKind kind = ErrorKind::failed;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

inline Error make_error(std::string message, ErrorKind kind = ErrorKind::failed) {
  return Error{std::move(message), kind};
}

}  // namespace caisse
