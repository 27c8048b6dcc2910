// A pain.002 status report, the whole input. The reader must accept it or refuse it with
// ReportFormatError naming the file; it emits only when the whole report is valid, so an event
// must never be followed by a refusal.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_input.hpp"
#include "pain002_reader.hpp"
#include "refusal.hpp"
#include "sepa_errors.hpp"

namespace {

constexpr std::string_view kFile = "pain002.xml";

// The promises of pain002_reader.hpp about each event.
void check_event(const caisse::adapters::sepa::StatusEvent& event) {
  caisse::fuzz::check_message(event.location, "pain002.xml: ");
  if (event.payment_ref.empty() || !event.event_id.ends_with("/" + event.payment_ref)) {
    std::fprintf(stderr, "event %s at %s: event_id is not \"<MsgId>/<payment_ref>\" (%s)\n",
                 event.event_id.c_str(), event.location.c_str(), event.payment_ref.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bool emitted = false;
  try {
    caisse::adapters::sepa::read_pain002(kFile, caisse::fuzz::as_text(data, size),
                                         [&](const caisse::adapters::sepa::StatusEvent& event) {
                                           emitted = true;
                                           check_event(event);
                                         });
  } catch (const caisse::adapters::sepa::ReportFormatError& error) {
    caisse::fuzz::check_message(error.what(), "pain002.xml:");
    if (emitted) {
      std::fprintf(stderr, "events were emitted before the report was refused: %s\n", error.what());
      std::abort();
    }
  }
  return 0;
}
