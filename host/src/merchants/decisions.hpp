// The committee's decisions on merchants (docs/conventionnement.md): accredit, refuse or
// suspend, how it was taken (a consensus, or a vote with its counts), from when and until when it
// holds, when the merchant is to be evaluated again, and the evaluations it rests on. Decisions
// are the source of truth of accreditation and are only ever added: recording one brings the
// payment gate of the caisse's merchants up to date in the same transaction, and the caller
// pushes the list to the currency backends when a gate flipped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "registry/merchants_gate.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

inline const std::vector<std::string_view> kDecisions = {"accredit", "refuse", "suspend"};
inline const std::vector<std::string_view> kDecisionMethods = {"consensus", "vote"};

struct Votes {
  std::int64_t in_favour = 0;
  std::int64_t against = 0;
  std::int64_t abstaining = 0;
};

struct Decision {
  std::int64_t id = 0;  // 0 until recorded
  std::string merchant_id;
  std::string decision;                           // accredit, refuse, suspend
  std::string decided_on;                         // YYYY-MM-DD, the committee's meeting
  std::string method;                             // consensus, vote
  std::optional<Votes> votes;                     // a vote's counts; none for a consensus
  std::string valid_from;                         // YYYY-MM-DD
  std::optional<std::string> valid_until;         // last day it holds; none: until replaced
  std::optional<std::string> next_evaluation_on;  // required to accredit
  std::vector<std::int64_t> evaluation_ids;       // the evaluations it rests on
  std::string note;
  std::string recorded_by;
  std::string recorded_at;  // UTC, RFC 3339, when read back
};

// Every problem of the decision in one invalid error, one line each, naming the field
// ("votes.against: ...", "valid_until: ..."). Pure: what needs the database is checked when
// recording.
Result<void> check_decision(const Decision& decision);

struct RecordedDecision {
  std::int64_t id = 0;
  bool fresh = false;                         // false: the same decision was recorded before
  std::vector<registry::GateChange> changes;  // of every merchant of the caisse, as of `today`
};

// Checks and records the decision, then refreshes the caisse's gates as of `today`
// (YYYY-MM-DD), in one transaction on `db` (not inside one already). The same decision again is
// recognised; another decision for the same merchant and day is a conflict. An unknown merchant
// or evaluation is invalid, naming it.
Result<RecordedDecision> record_decision(store::PgConnection& db, std::string_view caisse_id,
                                         const Decision& decision, const std::string& today);

// A merchant's decisions, oldest first.
Result<std::vector<Decision>> decisions_of(store::PgConnection& db, std::string_view caisse_id,
                                           std::string_view merchant_id);

}  // namespace caisse::host::merchants
