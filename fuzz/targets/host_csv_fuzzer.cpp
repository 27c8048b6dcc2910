// The host's strict CSV reader (households, members, merchant lists): the input's first line
// picks the separator (its first byte odd: ';', even: ','), the rest is the file, read against a
// header of one required and several optional columns, then every typed getter on every record.
// Failures are Result errors naming the file; nothing may throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "csv/csv_reader.hpp"
#include "fuzz_input.hpp"
#include "refusal.hpp"

namespace {

namespace csv = caisse::host::csv;

constexpr std::string_view kFile = "households.csv";

csv::ReadOptions options(char separator) {
  csv::ReadOptions out;
  out.separator = separator;
  out.columns = {{"name", true},   {"adults", false}, {"amount", false},
                 {"since", false}, {"month", false},  {"note", false}};
  return out;
}

// A getter's error must name the record ("households.csv:14: column adults: ...").
template <class T>
void check(const caisse::Result<T>& result, const csv::Record& record) {
  if (!result.ok()) caisse::fuzz::check_message(result.error().message, record.position());
}

void read_every_value(const csv::Record& record) {
  check(record.required_text("name"), record);
  check(record.optional_text("note"), record);
  check(record.whole_number("adults"), record);
  check(record.optional_whole_number("adults"), record);
  check(record.amount("amount", 2), record);
  check(record.amount("amount", 0), record);
  check(record.date("since"), record);
  check(record.optional_date("since"), record);
  check(record.month("month"), record);
  (void)record.has("note");
  (void)record.text("note");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caisse::fuzz::FuzzInput input(data, size);
  caisse::fuzz::FuzzInput control(input.line());
  const char separator = (control.byte() & 1) != 0 ? ';' : ',';
  const auto table = csv::read_csv(kFile, input.rest(), options(separator));
  if (!table.ok()) {
    caisse::fuzz::check_message(table.error().message, kFile);
    return 0;
  }
  for (const csv::Record& record : table->records) read_every_value(record);
  return 0;
}
