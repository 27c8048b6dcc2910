// A camt.053 or camt.054 file, the whole input. The reader must accept it or refuse it with its
// StatusError naming the file; every line it hands back must keep the SDK's promises.
#include <caisse/sdk.hpp>

#include <cstddef>
#include <cstdint>

#include "camt_reader.hpp"
#include "fuzz_input.hpp"
#include "refusal.hpp"
#include "statement_contract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    caisse::adapters::camt::read_camt("statement.xml", caisse::fuzz::as_text(data, size),
                                      caisse::fuzz::check_statement_entry);
  } catch (const caisse::sdk::StatusError& error) {
    caisse::fuzz::check_refusal(error, CAISSE_STATUS_INVALID_ARGUMENT, "statement.xml:");
  }
  return 0;
}
