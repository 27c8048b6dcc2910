// The kit on tests/peers/journal_currency, a test peer that applies each credit it receives by
// appending it to a journal file, synchronously and without HTTP: the journal is its backend.
#include <caisse/testing/currency_conformance.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

namespace {

using caisse::testing::CurrencyConformanceTarget;

CurrencyConformanceTarget journal_currency() {
  auto dir = std::make_shared<caisse::testing::ScratchDir>();
  const std::filesystem::path journal = dir->path() / "journal.csv";
  CurrencyConformanceTarget target;
  target.plugin_path = JOURNAL_CURRENCY_SO;
  target.config = {{"journal", journal.string()}};
  // One journal line "operation_id;household_id;amount" per credit applied.
  target.effects = [dir, journal](std::string_view operation_id) {
    std::ifstream in(journal);
    std::size_t applied = 0;
    for (std::string entry; std::getline(in, entry);) {
      if (std::string_view(entry).substr(0, entry.find(';')) == operation_id) ++applied;
    }
    return applied;
  };
  return target;
}

}  // namespace

CAISSE_CURRENCY_CONFORMANCE(JournalCurrency, journal_currency)
