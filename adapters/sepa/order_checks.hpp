// The checks a debit and a transfer share, with errors that name the line and the field:
//   debits[11] (EndToEndId "2026-11-H0042"): debtor_iban: wrong check digits ...
// A file is checked whole before its first byte is written, so a refused batch leaves nothing
// half-written behind.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "references.hpp"

namespace caisse::adapters::sepa {

// The header of a file: MsgId, CreDtTm and the requested date. Throws InvalidOrder.
// The MsgId is kept to 30 characters so that "<MsgId>-FRST" still fits a PmtInfId.
void check_file_header(std::string_view message_id, std::string_view created_at,
                       std::string_view date_field, std::string_view date);

inline constexpr std::size_t kMaxMessageIdLength = 30;

// One line of a batch, as error messages name it.
class OrderLine {
 public:
  OrderLine(std::string_view list, std::size_t index, std::string_view end_to_end_id);

  [[noreturn]] void fail(std::string_view field, std::string_view reason) const;

  void check_reference(std::string_view field, std::string_view value, SpaceRule spaces) const;
  void check_iban(std::string_view field, std::string_view iban) const;
  void check_optional_bic(std::string_view field, std::string_view bic) const;
  // More than zero, at most 999 999 999.99, in EUR: what a SEPA payment can carry.
  void check_amount(std::int64_t minor, std::string_view currency) const;
  // The name as it will be written; refused when nothing of it is left.
  std::string name(std::string_view field, std::string_view name) const;

 private:
  std::string prefix_;
};

// EndToEndIds seen so far in one file: a second one refers to two payments by one key, which
// the bank's reports and statements could never tell apart.
class UniqueEndToEndIds {
 public:
  void add(const OrderLine& line, std::string_view end_to_end_id);

 private:
  std::unordered_set<std::string_view> seen_;
};

// NbOfTxs and CtrlSum of a set of lines; the sum is exact integer cents.
struct Totals {
  std::size_t count = 0;
  std::int64_t sum_minor = 0;

  void add(std::int64_t minor);
};

}  // namespace caisse::adapters::sepa
