#include "ctl/render_money_in.hpp"

#include "ctl/answer_fields.hpp"
#include "ctl/render.hpp"

namespace caisse::host::ctl {

namespace json = boost::json;
using namespace fields;  // NOLINT: the renderers read answers through these helpers

namespace {

// The money-in routes count in euro cents.
constexpr int kCents = 2;

std::string euros(const json::value* minor) {
  return amount(minor, kCents);
}

// "N of <what>: none\n", or the heading and the table.
std::string table_or_none(const std::string& heading,
                          const std::vector<std::vector<std::string>>& rows,
                          const std::vector<std::size_t>& right_aligned) {
  if (rows.size() <= 1) return heading + ": none\n";
  return heading + ":\n" + format_table(rows, 2, right_aligned);
}

}  // namespace

std::string render_mandate_import(const json::value& answer) {
  return "mandates: " + text(answer, "file_lines") + " lines in the file; " +
         text(answer, "inserted") + " inserted, " + text(answer, "updated") + " updated, " +
         text(answer, "amended") + " amended, " + text(answer, "replaced") + " replaced, " +
         text(answer, "unchanged") + " unchanged\n";
}

std::string render_mandate_change(const json::value& answer) {
  return "mandate " + text(answer, "mandate_id") + " of household " + text(answer, "household") +
         ": " + text(answer, "status") + "\n";
}

std::string render_collection_draft(const json::value& answer) {
  std::string out = "direct-debit run " + text(answer, "month") + " (" +
                    text(answer, "message_id") +
                    "): " + count_of(member(answer, "debits"), "debit") + ", " +
                    text(answer, "added") + " added by this draft\n";
  std::vector<std::vector<std::string>> rows{{"HOUSEHOLD", "PROBLEM"}};
  if (const json::array* problems = array_member(answer, "problems")) {
    for (const auto& p : *problems) rows.push_back({text(p, "household"), text(p, "problem")});
  }
  return out + table_or_none("households that cannot be debited", rows, {});
}

std::string render_collection_submitted(const json::value& answer) {
  return "direct-debit run " + text(answer, "month") + ": " + text(answer, "state") + "\n";
}

std::string render_collection_status(const json::value& answer) {
  std::string out = "direct-debit run " + text(answer, "month") + ": " + text(answer, "state") +
                    "\ncollector " + text(answer, "collector") + ", message id " +
                    text(answer, "message_id") + ", collection date " +
                    text(answer, "collection_date") + "\n" +
                    count_of(member(answer, "debits"), "debit") + ", " +
                    euros(member(answer, "amount_minor")) + " EUR\n";
  std::vector<std::vector<std::string>> states{{"STATE", "COUNT", "AMOUNT"}};
  if (const json::value* by_state = member(answer, "by_state"); by_state && by_state->is_object()) {
    for (const auto& [state, total] : by_state->get_object()) {
      states.push_back({clean(state), text(total, "count"), euros(member(total, "amount_minor"))});
    }
  }
  out += table_or_none("debits by state (EUR)", states, {1, 2});
  std::vector<std::vector<std::string>> unpaid{
      {"HOUSEHOLD", "AMOUNT", "STATE", "CODE", "AGAIN", "MOTIF", "REASON"}};
  if (const json::array* debits = array_member(answer, "unpaid")) {
    for (const auto& d : *debits) {
      unpaid.push_back({text(d, "household"), euros(member(d, "amount_minor")), text(d, "state"),
                        text(d, "reason_code"), text(d, "may_present_again"), text(d, "reason_fr"),
                        text(d, "reason_en")});
    }
  }
  return out + table_or_none("unpaid debits (EUR; AGAIN: may be presented again)", unpaid, {1});
}

std::string render_statement_import(const json::value& answer) {
  const std::string file = text(answer, "file");
  const json::value* already = member(answer, "already_imported");
  if (already != nullptr && already->is_bool() && already->get_bool()) {
    return file + ": already imported as " + text(answer, "previous_file") + " at " +
           text(answer, "previous_imported_at") + "; nothing changed\n";
  }
  return file + " read by " + text(answer, "instance") + ": " +
         count_of(member(answer, "lines"), "line") + ", " + text(answer, "new_lines") + " new; " +
         text(answer, "matched") + " matched, " + text(answer, "unmatched") +
         " unmatched (see 'bank queue')\nmoney in " + euros(member(answer, "money_in_minor")) +
         " EUR, money out " + euros(member(answer, "money_out_minor")) + " EUR\n";
}

std::string render_payment_report(const json::value& answer) {
  const json::array* events = array_member(answer, "events");
  std::vector<std::vector<std::string>> rows{{"EVENT", "NEW", "EFFECT"}};
  if (events != nullptr) {
    for (const auto& e : *events) {
      rows.push_back({text(e, "event_id"), text(e, "new"), text(e, "effect")});
    }
  }
  const std::string heading = text(answer, "file") + ": " + std::to_string(rows.size() - 1) +
                              " event(s), " + text(answer, "new_events") + " new";
  return table_or_none(heading, rows, {});
}

std::string render_bank_queue(const json::value& answer) {
  std::vector<std::vector<std::string>> rows{{"ID", "BOOKED", "AMOUNT", "CURRENCY", "STATUS",
                                              "RETURN", "END_TO_END_ID", "MATCHED_AS", "LOCATION"}};
  if (const json::array* lines = array_member(answer, "lines")) {
    for (const auto& l : *lines) {
      rows.push_back({text(l, "id"), text(l, "booking_date"), euros(member(l, "amount_minor")),
                      text(l, "currency"), text(l, "status"), text(l, "return_reason"),
                      text(l, "end_to_end_id"), text(l, "matched_as"), text(l, "location")});
    }
  }
  return table_or_none("bank lines of " + text(answer, "caisse"), rows, {0, 2});
}

std::string render_line_decision(const json::value& answer) {
  return "bank line " + text(answer, "line") + ": decided\n";
}

std::string render_dead_webhooks(const json::value& answer) {
  std::vector<std::vector<std::string>> rows{
      {"ID", "INSTANCE", "EVENT", "RECEIVED_AT", "ATTEMPTS", "LAST_ERROR"}};
  if (const json::array* dead = array_member(answer, "dead")) {
    for (const auto& d : *dead) {
      rows.push_back({text(d, "id"), text(d, "instance"), text(d, "event_id"),
                      text(d, "received_at"), text(d, "attempts"), text(d, "last_error")});
    }
  }
  return table_or_none("notifications of " + text(answer, "caisse") + " that failed 5 times", rows,
                       {0, 4});
}

std::string render_webhook_replay(const json::value& answer) {
  return "notification " + text(answer, "replayed") + " put back in line\n";
}

std::string render_money_in(Command command, const json::value& answer) {
  switch (command) {
    case Command::mandates_import:
      return render_mandate_import(answer);
    case Command::mandates_revoke:
    case Command::mandates_reinstate:
      return render_mandate_change(answer);
    case Command::collection_draft:
      return render_collection_draft(answer);
    case Command::collection_submitted:
      return render_collection_submitted(answer);
    case Command::collection_status:
      return render_collection_status(answer);
    case Command::statement_import:
      return render_statement_import(answer);
    case Command::payment_report_import:
      return render_payment_report(answer);
    case Command::bank_queue:
      return render_bank_queue(answer);
    case Command::bank_decide:
      return render_line_decision(answer);
    case Command::webhooks_dead:
      return render_dead_webhooks(answer);
    case Command::webhooks_replay:
      return render_webhook_replay(answer);
    default:
      return {};
  }
}

}  // namespace caisse::host::ctl
