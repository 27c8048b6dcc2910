// The key that makes a bank statement line count once, whichever file brings it: the bank's own
// reference when the line has one, else a digest of what the line says and of its rank among
// the identical lines of its file (two equal card payments on one day are two lines; the same
// export imported again gives the same ranks, hence the same keys).
#pragma once

#include <string>
#include <unordered_map>

#include "plugins/payment_values.hpp"

namespace caisse::host::bank {

class LineKeys {
 public:
  // The key of the next line of the file being read.
  std::string next(const plugins::StatementEntry& entry);

 private:
  std::unordered_map<std::string, int> seen_;  // digest -> how many lines of this file had it
};

}  // namespace caisse::host::bank
