#include "collection/sequence_type.hpp"

#include "collection/word_table.hpp"

namespace caisse::host::collection {
namespace {

constexpr detail::WordTable<SequenceType, 4> kCodes = {{
    {SequenceType::first, "FRST"},
    {SequenceType::recurring, "RCUR"},
    {SequenceType::one_off, "OOFF"},
    {SequenceType::final, "FNAL"},
}};

Error refused(const Mandate& mandate, const std::string& why) {
  return make_error("mandate \"" + mandate.mandate_id + "\" " + why, ErrorKind::conflict);
}

std::string reason_of(const Mandate& mandate) {
  return mandate.status_reason.empty() ? "" : " (" + mandate.status_reason + ")";
}

Error lapsed(const Mandate& mandate) {
  const std::string since =
      mandate.last_collected_on
          ? "no collection since " + csv::format_date(*mandate.last_collected_on)
          : "signed on " + csv::format_date(mandate.signed_on) + " and never collected";
  return refused(mandate, "lapsed on " + csv::format_date(lapses_on(mandate)) + ": " + since +
                              " (a mandate unused for " + std::to_string(kLapseMonths) +
                              " months is void); the member must sign a new mandate");
}

}  // namespace

std::string_view sepa_code(SequenceType type) {
  return detail::word_of(kCodes, type);
}

Result<SequenceType> parse_sepa_code(std::string_view code) {
  return detail::parse_word(kCodes, code, "sequence type (FRST, RCUR, OOFF, FNAL)");
}

csv::Date plus_months(csv::Date date, int months) {
  const std::chrono::year_month month =
      std::chrono::year_month(date.year(), date.month()) + std::chrono::months(months);
  const csv::Date same_day = month / date.day();
  if (same_day.ok()) return same_day;
  return csv::Date(month / std::chrono::last);
}

csv::Date lapses_on(const Mandate& mandate) {
  return plus_months(mandate.last_collected_on.value_or(mandate.signed_on), kLapseMonths);
}

Result<SequenceType> sequence_for(const Mandate& mandate, csv::Date collection_date) {
  switch (mandate.status) {
    case MandateStatus::revoked:
      return refused(mandate,
                     "is revoked" + reason_of(mandate) + ": the member must sign a new mandate");
    case MandateStatus::lapsed:
      return lapsed(mandate);
    case MandateStatus::needs_bank_details:
      return refused(mandate, "needs new bank details" + reason_of(mandate) +
                                  ": import the member's new IBAN");
    case MandateStatus::on_hold:
      return refused(mandate, "is on hold" + reason_of(mandate) +
                                  ": reinstate it once the member agrees to be debited");
    case MandateStatus::active:
      break;
  }
  if (collection_date >= lapses_on(mandate)) return lapsed(mandate);
  if (mandate.signed_on > collection_date) {
    return refused(mandate, "is signed on " + csv::format_date(mandate.signed_on) +
                                ", after the collection date " + csv::format_date(collection_date));
  }
  if (mandate.kind == MandateKind::one_off) {
    if (mandate.first_collection_done) {
      return refused(mandate,
                     "is a one-off mandate, already collected on " +
                         csv::format_date(mandate.last_collected_on.value_or(mandate.signed_on)));
    }
    return SequenceType::one_off;
  }
  return mandate.first_collection_done ? SequenceType::recurring : SequenceType::first;
}

}  // namespace caisse::host::collection
