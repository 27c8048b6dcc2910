#include "collection/collection_ids.hpp"

#include "collection/sepa_fields.hpp"

namespace caisse::host::collection {
namespace {

std::string compact(Month month) {
  std::string text = month.to_string();  // "2026-11"
  return text.substr(0, 4) + text.substr(5, 2);
}

}  // namespace

std::string end_to_end_id(std::string_view caisse_id, Month month, std::string_view household_id) {
  return bounded_sepa_id(std::string(caisse_id) + "-" + compact(month) + "-" +
                         std::string(household_id));
}

std::string message_id(std::string_view caisse_id, Month month) {
  return bounded_sepa_id(std::string(caisse_id) + "-" + compact(month) + "-SDD");
}

std::string remittance(Month month) {
  return "Cotisation caisse alimentaire " + month.to_string();
}

}  // namespace caisse::host::collection
