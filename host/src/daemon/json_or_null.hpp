// An optional field of an API answer: its value, or JSON null when it has none. One definition
// for every *_answers.cpp, so that "absent" is written the same way in every answer.
#pragma once

#include <boost/json/value.hpp>
#include <optional>

namespace caisse::host::daemon {

template <class T>
boost::json::value json_or_null(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace caisse::host::daemon
