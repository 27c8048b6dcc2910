#include "ctl/render_merchants.hpp"

#include "ctl/answer_fields.hpp"
#include "ctl/render.hpp"

namespace caisse::host::ctl {

namespace json = boost::json;
using namespace fields;  // NOLINT: the renderers read answers through these helpers

namespace {

std::string instance_table(const json::array& instances) {
  std::vector<std::vector<std::string>> rows{{"INSTANCE", "STATUS", "MERCHANTS", "MESSAGE"}};
  for (const auto& i : instances) {
    rows.push_back(
        {text(i, "instance"), text(i, "status"), text(i, "merchants"), text(i, "message")});
  }
  return format_table(rows, 2, {2});
}

// "M-0001", or for a merchant the caisse does not know "? cyclos:u-77" (instance and ref).
std::string merchant_label(const json::value& row) {
  const json::value* id = member(row, "merchant_id");
  if (id != nullptr && id->is_string()) return text(id);
  return "? " + text(row, "instance") + ":" + text(row, "merchant_ref");
}

}  // namespace

std::string render_merchant_sync(const json::value& answer) {
  const json::array* instances = array_member(answer, "instances");
  std::string out = "merchant list of " + text(answer, "caisse");
  if (instances == nullptr || instances->empty()) return out + ": no currency instance\n";
  return out + " pushed to its currency instances:\n" + instance_table(*instances);
}

std::string render_import_sync(const json::value& answer) {
  const json::array* sync = array_member(answer, "sync");
  if (sync == nullptr) return "";
  if (sync->empty()) {
    return "the merchant list did not change: nothing pushed\n";
  }
  return "the new merchant list was pushed to the currency instances:\n" + instance_table(*sync);
}

std::string render_purchase_import(const json::value& answer) {
  std::string out = "purchases of " + text(answer, "caisse") + " paid from " +
                    text(answer, "from") + " to " + text(answer, "to") + " (excluded):\n";
  const json::array* instances = array_member(answer, "instances");
  if (instances == nullptr || instances->empty()) return out + "  no currency instance\n";
  std::vector<std::vector<std::string>> rows{
      {"INSTANCE", "STATUS", "LISTED", "NEW", "ALREADY_KNOWN", "RESOLVED", "MESSAGE"}};
  for (const auto& i : *instances) {
    rows.push_back({text(i, "instance"), text(i, "status"), text(i, "listed"), text(i, "new"),
                    text(i, "already_known"), text(i, "resolved"), text(i, "message")});
  }
  return out + format_table(rows, 2, {2, 3, 4, 5});
}

std::string render_purchase_report(const json::value& answer) {
  const std::optional<int> unit = minor_unit_of(answer);
  const std::string currency = text(answer, "currency");
  const json::value* totals = member(answer, "totals");
  std::string out = "purchases of " + text(answer, "caisse") + " in " + text(answer, "month") +
                    ": " + count_of(member(totals, "purchases"), "purchase") + ", " +
                    amount(member(totals, "amount_minor"), unit) + " " + currency + ", " +
                    count_of(member(totals, "households"), "household") + "\n";
  if (auto none = integer(member(totals, "without_household")); none && *none > 0) {
    out += count_of(member(totals, "without_household"), "purchase") +
           " by payers that are not households of the caisse\n";
  }
  out += "flagged: " + count_of(member(totals, "flagged"), "purchase") + ", " +
         amount(member(totals, "flagged_amount_minor"), unit) + " " + currency +
         " at merchants suspended or unknown\n";

  const json::array* merchants = array_member(answer, "merchants");
  if (merchants != nullptr && !merchants->empty()) {
    out += "\nby merchant (" + currency + "):\n";
    std::vector<std::vector<std::string>> rows{
        {"MERCHANT", "NAME", "PURCHASES", "AMOUNT", "HOUSEHOLDS", "FLAGGED"}};
    for (const auto& m : *merchants) {
      rows.push_back({merchant_label(m), text(m, "name"), text(m, "purchases"),
                      amount(member(m, "amount_minor"), unit), text(m, "households"),
                      text(m, "flagged")});
    }
    out += format_table(rows, 2, {2, 3, 4, 5});
  }

  const json::array* flagged = array_member(answer, "flagged");
  if (flagged != nullptr && !flagged->empty()) {
    out += "\nflagged purchases (" + currency + "):\n";
    std::vector<std::vector<std::string>> rows{
        {"PAID_AT", "INSTANCE", "REFERENCE", "HOUSEHOLD", "MERCHANT", "AMOUNT", "REASON"}};
    for (const auto& p : *flagged) {
      const json::value* id = member(p, "merchant_id");
      rows.push_back({text(p, "paid_at"), text(p, "instance"), text(p, "external_ref"),
                      text(p, "household_id"),
                      id != nullptr && id->is_string() ? text(id) : text(p, "merchant_ref"),
                      amount(member(p, "amount_minor"), unit), text(p, "reason")});
    }
    out += format_table(rows, 2, {5});
  }
  return out;
}

bool some_instance_failed(const json::value& answer) {
  for (const char* key : {"instances", "sync"}) {
    const json::array* instances = array_member(answer, key);
    if (instances == nullptr) continue;
    for (const auto& i : *instances) {
      if (text(i, "status") == "error") return true;
    }
  }
  return false;
}

}  // namespace caisse::host::ctl
