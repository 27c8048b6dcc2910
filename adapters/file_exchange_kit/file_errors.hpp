// What goes wrong with exchanged files, as exception types the plugin maps to statuses at its
// boundary (the SDK wrapper turns exceptions into statuses; nothing crosses the C ABI):
//   MappingError    the column mapping is wrong: instance init fails (ConfigError);
//   FileFormatError a file written by someone else is malformed; the message is
//                   "<file>:<line>: <column>: <reason>" and the operator fixes the file;
//   FileAccessError a folder or file cannot be read or written (permissions, disk full).
#pragma once

#include <stdexcept>
#include <string>

namespace caisse::adapters::file_exchange_kit {

class MappingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class FileFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class FileAccessError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace caisse::adapters::file_exchange_kit
