#include "order_checks.hpp"

#include "amount_text.hpp"
#include "bic.hpp"
#include "iban.hpp"
#include "iso_dates.hpp"
#include "latin_text.hpp"
#include "sepa_errors.hpp"

namespace caisse::adapters::sepa {

void check_file_header(std::string_view message_id, std::string_view created_at,
                       std::string_view date_field, std::string_view date) {
  if (const auto problem = reference_problem(message_id, kMaxMessageIdLength, SpaceRule::allowed)) {
    throw InvalidOrder("message_id: " + *problem);
  }
  if (!is_iso_date_time(created_at)) {
    throw InvalidOrder("created_at: \"" + std::string(truncate_utf8(created_at, 40)) +
                       "\" is not an ISO date-time (YYYY-MM-DDThh:mm:ss)");
  }
  if (!is_iso_date(date)) {
    throw InvalidOrder(std::string(date_field) + ": \"" + std::string(truncate_utf8(date, 40)) +
                       "\" is not a date (YYYY-MM-DD)");
  }
}

OrderLine::OrderLine(std::string_view list, std::size_t index, std::string_view end_to_end_id)
    : prefix_(std::string(list) + "[" + std::to_string(index) + "] (EndToEndId \"" +
              std::string(truncate_utf8(end_to_end_id, 40)) + "\"): ") {}

void OrderLine::fail(std::string_view field, std::string_view reason) const {
  throw InvalidOrder(prefix_ + std::string(field) + ": " + std::string(reason));
}

void OrderLine::check_reference(std::string_view field, std::string_view value,
                                SpaceRule spaces) const {
  if (const auto problem = reference_problem(value, kMaxIdLength, spaces)) fail(field, *problem);
}

void OrderLine::check_iban(std::string_view field, std::string_view iban) const {
  if (const auto problem = iban_problem(iban)) fail(field, masked_iban(iban) + ": " + *problem);
}

void OrderLine::check_optional_bic(std::string_view field, std::string_view bic) const {
  if (bic.empty()) return;
  if (const auto problem = bic_problem(bic)) fail(field, *problem);
}

void OrderLine::check_amount(std::int64_t minor, std::string_view currency) const {
  if (currency != "EUR") {
    fail("amount", "currency \"" + std::string(truncate_utf8(currency, 8)) +
                       "\": SEPA payments are in EUR only");
  }
  if (minor <= 0) fail("amount", format_amount(minor) + " EUR: must be more than zero");
  if (minor > kMaxAmountMinor) {
    fail("amount", format_amount(minor) + " EUR: more than the SEPA maximum " +
                       format_amount(kMaxAmountMinor));
  }
}

std::string OrderLine::name(std::string_view field, std::string_view name) const {
  std::string written = fit_sepa_text(name, kMaxNameLength);
  if (written.empty()) fail(field, "empty once written in the SEPA character set");
  return written;
}

void UniqueEndToEndIds::add(const OrderLine& line, std::string_view end_to_end_id) {
  if (!seen_.insert(end_to_end_id).second) {
    line.fail("end_to_end_id", "appears twice in this file");
  }
}

void Totals::add(std::int64_t minor) {
  ++count;
  // Each amount is at most kMaxAmountMinor (~1e11), so ~9e7 lines fit in int64; refuse beyond.
  if (__builtin_add_overflow(sum_minor, minor, &sum_minor)) {
    throw InvalidOrder("the file's control sum overflows: split the batch");
  }
}

}  // namespace caisse::adapters::sepa
