// camt: a STATEMENT adapter for ISO 20022 bank statements, camt.053 (end-of-day statements) and
// camt.054 (debit/credit notifications, often the detail of a batch or the returns). It needs no
// configuration: the document says its own version. What it reads and how is in
// camt_reader.hpp and README.md.
#include <caisse/sdk.hpp>

#include <string_view>

#include "camt_reader.hpp"

namespace {

namespace sdk = caisse::sdk;

class Camt {
 public:
  explicit Camt(sdk::Host) {}

  void parse_statement(std::string_view file_name, std::string_view content,
                       const sdk::StatementSink& emit) {
    caisse::adapters::camt::read_camt(file_name, content, emit);
  }
};

}  // namespace

CAISSE_PLUGIN(Camt, "camt", "1.0.0", "Bank statements in ISO 20022 camt.053 and camt.054.",
              sdk::no_config)
