#include "bank/statement_line_key.hpp"

#include "digest/sha256.hpp"

namespace caisse::host::bank {

std::string LineKeys::next(const plugins::StatementEntry& entry) {
  if (!entry.bank_reference.empty()) {
    return "ref:" + entry.account_iban + ":" + entry.bank_reference;
  }
  // The unit separator cannot occur in any field a parser hands over as text.
  constexpr char kSep = '\x1f';
  std::string said = entry.account_iban + kSep + entry.booking_date + kSep + entry.value_date +
                     kSep + std::to_string(entry.amount.minor) + kSep + entry.amount.currency +
                     kSep + entry.end_to_end_id + kSep + entry.mandate_id + kSep +
                     entry.counterparty_name + kSep + entry.counterparty_iban + kSep +
                     entry.remittance + kSep + entry.return_reason;
  std::string digest = digest::to_hex(digest::sha256(said));
  const int rank = seen_[digest]++;
  return "sum:" + digest + ":" + std::to_string(rank);
}

}  // namespace caisse::host::bank
