// Human-readable text for the answers of the money-in routes (shapes in docs/admin-api.md,
// "Money coming in"). Pure; never throws (answer_fields.hpp). Amounts are euros with two
// decimals, worked out from the integer cents. Names, IBANs and free-text labels the answers
// may carry (a statement line's counterparty and remittance) are never printed: households are
// named by their id, lines by their id and place in the file (--json gives the whole answer).
#pragma once

#include <boost/json/value.hpp>

#include <string>

#include "ctl/command_line.hpp"

namespace caisse::host::ctl {

// POST …/mandates/import: lines in the file, inserted, updated, amended, replaced, unchanged.
std::string render_mandate_import(const boost::json::value& answer);

// POST …/mandates/{household}/revoke|reinstate: the mandate's reference and its new status.
std::string render_mandate_change(const boost::json::value& answer);

// POST …/collections/{month}/draft: the run's message id and debits, then every household that
// cannot be debited and why (HOUSEHOLD PROBLEM).
std::string render_collection_draft(const boost::json::value& answer);

// POST …/collections/{month}/submitted.
std::string render_collection_submitted(const boost::json::value& answer);

// GET …/collections/{month}: the run, its debits by state (STATE COUNT AMOUNT), then every unpaid
// debit (HOUSEHOLD AMOUNT STATE CODE AGAIN MOTIF REASON), the reason in French and in English.
std::string render_collection_status(const boost::json::value& answer);

// POST …/statements/{instance}: lines, new, matched, unmatched, money in and out; or that the
// file was already imported (under which name and when) and nothing changed.
std::string render_statement_import(const boost::json::value& answer);

// POST …/payment-reports/{instance}: the events and what each did (EVENT NEW EFFECT).
std::string render_payment_report(const boost::json::value& answer);

// GET …/bank-lines: ID BOOKED AMOUNT CURRENCY STATUS RETURN END_TO_END_ID MATCHED_AS LOCATION.
std::string render_bank_queue(const boost::json::value& answer);

// POST …/bank-lines/{id}/decision.
std::string render_line_decision(const boost::json::value& answer);

// GET …/webhooks/dead: ID INSTANCE EVENT RECEIVED_AT ATTEMPTS LAST_ERROR.
std::string render_dead_webhooks(const boost::json::value& answer);

// POST …/webhooks/dead/{id}/replay.
std::string render_webhook_replay(const boost::json::value& answer);

// The renderer of a money-in command (collection file excepted: its answer is the XML).
std::string render_money_in(Command command, const boost::json::value& answer);

}  // namespace caisse::host::ctl
