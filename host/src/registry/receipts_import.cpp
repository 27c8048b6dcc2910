// receipts.csv: reference, date, source, household_id, funder_id, amount. Each receipt is
// recorded once and posted to the caisse's ledger by record_receipt (receipt_posting.hpp).
#include <algorithm>
#include <map>

#include "money/money.hpp"
#include "registry/formats.hpp"
#include "registry/import_support.hpp"
#include "registry/receipt_posting.hpp"
#include "store/text_array.hpp"

namespace caisse::host::registry::detail {
namespace {

struct ReceiptRow {
  std::size_t line = 0;
  std::string reference;
  csv::Date date;
  std::string source;
  std::optional<std::string> household_id;
  std::optional<std::string> funder_id;
  std::int64_t amount_minor = 0;
};

bool is_reference(std::string_view text) {
  if (text.empty() || text.size() > format::kMaxReferenceLength) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '/' || c == ':';
  });
}

Result<std::string> reference_of(const csv::Record& record) {
  auto text = record.required_text("reference");
  if (!text) return text.error();
  if (!is_reference(*text)) {
    return record.error("reference", "\"" + *text +
                                         "\" is not a reference (1 to 100 letters, digits, "
                                         "_ - . / or :)");
  }
  return text;
}

std::optional<ReceiptRow> read_row(const csv::Record& record, Problems& problems) {
  auto reference = problems.take(reference_of(record));
  auto date = problems.take(record.date("date"));
  auto source = problems.take(one_of(record, "source", format::kReceiptSources));
  auto household = problems.take(optional_identifier(record, "household_id"));
  auto funder = problems.take(optional_identifier(record, "funder_id"));
  auto amount = problems.take(euro_amount(record, "amount", 1));
  if (!reference || !date || !source || !household || !funder || !amount) return std::nullopt;
  bool consistent = true;
  if (*source == "contribution") {
    if (!*household) {
      problems.add(record.error("household_id", "is empty; a contribution names its household"));
      consistent = false;
    }
    if (*funder) {
      problems.add(record.error("funder_id", "must be empty for a contribution"));
      consistent = false;
    }
  } else {
    if (!*funder) {
      problems.add(record.error("funder_id", "is empty; a grant names its funder"));
      consistent = false;
    }
    if (*household) {
      problems.add(record.error("household_id", "must be empty for a grant"));
      consistent = false;
    }
  }
  if (!consistent) return std::nullopt;
  return ReceiptRow{record.line(), *reference, *date, *source, *household, *funder, *amount};
}

NewReceipt receipt_of(const ReceiptRow& row) {
  return {row.reference,
          row.date,
          row.household_id,
          row.funder_id,
          row.amount_minor,
          "",
          "registry:receipt/" + row.reference};
}

}  // namespace

Result<ImportReport> import_receipts(store::PgConnection& db, const config::CaisseConfig& caisse,
                                     const csv::Table& table) {
  const std::string& file = table.header->file;
  auto at = [&](const ReceiptRow& row, std::string_view column) {
    return file + ":" + std::to_string(row.line) + ": column " + std::string(column) + ": ";
  };

  Problems problems;
  std::vector<ReceiptRow> rows;
  std::map<std::string, std::size_t> first_line;
  References households("registry_households", "household_id", "household",
                        "import the households first");
  References funders("registry_funders", "funder_id", "funder", "import the funders first");
  std::vector<std::string> references;
  for (const auto& record : table.records) {
    const bool fresh = first_seen(record, "reference", first_line, problems);
    households.note(record);
    funders.note(record);
    auto row = read_row(record, problems);
    if (!row || !fresh) continue;
    references.push_back(row->reference);
    rows.push_back(std::move(*row));
  }
  auto known_households = households.check(db, caisse.id, table, problems);
  if (!known_households) return known_households.error();
  auto known_funders = funders.check(db, caisse.id, table, problems);
  if (!known_funders) return known_funders.error();
  std::map<std::string, int> recorded_row;
  auto recorded = db.exec_params(
      "SELECT reference, to_char(received_on, 'YYYY-MM-DD'), source, coalesce(household_id, ''),"
      "       coalesce(funder_id, ''), amount_minor"
      "  FROM registry_receipts WHERE caisse_id = $1 AND reference = ANY($2::text[])",
      {caisse.id, store::text_array(references)});
  if (!recorded) return recorded.error();
  for (int r = 0; r < recorded->rows(); ++r) recorded_row[std::string(recorded->get(r, 0))] = r;

  ImportReport report{ImportKind::receipts};
  std::vector<const ReceiptRow*> to_post;
  for (const auto& row : rows) {
    // Reported above.
    if (row.household_id && known_households->count(*row.household_id) == 0) continue;
    if (row.funder_id && known_funders->count(*row.funder_id) == 0) continue;
    if (auto found = recorded_row.find(row.reference); found != recorded_row.end()) {
      const int r = found->second;
      std::string differs = receipt_differences(
          recorded->get(r, 1), recorded->get(r, 3), recorded->get(r, 4),
          std::stoll(std::string(recorded->get(r, 5))), receipt_of(row), "in the file");
      if (differs.empty()) {
        ++report.unchanged;
      } else {
        problems.add(at(row, "reference") + "\"" + row.reference +
                     "\" is already recorded with other content (" + differs +
                     "); a receipt is never changed: correct it with a reversal in the ledger "
                     "and a new reference");
      }
      continue;
    }
    to_post.push_back(&row);
  }
  if (!problems.empty()) return problems.error();
  if (to_post.empty()) return report;

  for (const ReceiptRow* row : to_post) {
    auto recorded = record_receipt(db, caisse, receipt_of(*row));
    if (!recorded) {
      return make_error(file + ":" + std::to_string(row->line) + ": column reference: \"" +
                            row->reference + "\": " + recorded.error().message,
                        recorded.error().kind);
    }
    ++report.inserted;
  }
  return report;
}

}  // namespace caisse::host::registry::detail
