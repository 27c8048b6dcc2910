// What goes wrong in this adapter's library, as exception types the plugin maps to statuses at its
// boundary (nothing crosses the C ABI):
//   InvalidOrder    a debit or transfer the host asked for cannot go into a bank file; the message
//                   names the line ("debits[12] (EndToEndId \"M-0012\"): debtor_iban: ...");
//   ReportFormatError a file written by the bank (pain.002) is malformed or lacks an element; the
//                   message is "<file>:<line>: <element path>: <reason>";
//   InvalidSetting  the instance's configuration cannot work; the message starts with the key.
#pragma once

#include <stdexcept>

namespace caisse::adapters::sepa {

class InvalidOrder : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ReportFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A setting of the instance (the caisse's own account, a schema version) that cannot work; the
// message starts with the configuration key.
class InvalidSetting : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace caisse::adapters::sepa
