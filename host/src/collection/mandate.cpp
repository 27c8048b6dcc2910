#include "collection/mandate.hpp"

#include "collection/word_table.hpp"

namespace caisse::host::collection {
namespace {

constexpr detail::WordTable<MandateKind, 2> kKinds = {{
    {MandateKind::recurrent, "recurrent"},
    {MandateKind::one_off, "one_off"},
}};

constexpr detail::WordTable<MandateStatus, 5> kStatuses = {{
    {MandateStatus::active, "active"},
    {MandateStatus::needs_bank_details, "needs_bank_details"},
    {MandateStatus::on_hold, "on_hold"},
    {MandateStatus::revoked, "revoked"},
    {MandateStatus::lapsed, "lapsed"},
}};

}  // namespace

std::string_view to_string(MandateKind kind) {
  return detail::word_of(kKinds, kind);
}
std::string_view to_string(MandateStatus status) {
  return detail::word_of(kStatuses, status);
}

Result<MandateKind> parse_mandate_kind(std::string_view text) {
  return detail::parse_word(kKinds, text, "mandate kind");
}

Result<MandateStatus> parse_mandate_status(std::string_view text) {
  return detail::parse_word(kStatuses, text, "mandate status");
}

}  // namespace caisse::host::collection
