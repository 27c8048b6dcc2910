// Posting to a caisse's book: journal entries of two or more lines that balance in each
// currency, written once and never changed. The sign convention and the accounts are in
// chart.hpp.
//
// Every write runs on the caller's connection, inside the caller's transaction when it has one,
// so a cycle can post and change its own state atomically. A posting is one SQL statement:
// atomic on its own, and refused by the database too if it would unbalance an entry or push an
// account's balance beyond 64 bits. Refusals found before SQL runs (unbalanced, unknown
// account, replay with other content…) leave the caller's transaction usable; a refusal by the
// database (SQLSTATE in the message) aborts it, as any failed statement does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ledger/chart.hpp"
#include "ledger/date.hpp"
#include "money/money.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::ledger {

// One line: debit when amount.minor > 0, credit when < 0, never 0. amount.currency must be
// the account's currency.
struct Line {
  AccountRef account;
  money::Money amount;

  friend bool operator==(const Line&, const Line&) = default;
};

struct NewEntry {
  std::string caisse_id;
  // Unique per caisse and chosen by the caller so that a retry finds it again: "cycle:2026-11:
  // household:h42", "import:bank-2026-11.csv:line 12".
  std::string idempotency_key;
  Date date;
  std::string description;
  std::string source;  // where it comes from: "cycle:2026-11", "import:bank-2026-11.csv:line 12"
  std::vector<Line> lines;
};

struct Entry {
  std::int64_t id = 0;
  std::string caisse_id;
  std::string idempotency_key;
  Date date;
  std::string description;
  std::string source;
  std::optional<std::int64_t> reverses;  // the entry this one cancels, for a correction
  std::vector<Line> lines;               // in the order they were posted
};

struct Posting {
  Entry entry;
  bool created = false;  // false: the key was already posted with this content, nothing written
};

// Posts `entry`. Posting a key again with the same date, description, source and lines (in
// any order) writes nothing and returns the stored entry; with different content it is an
// error naming what differs. Errors: fewer than two lines, a zero line, an account not opened
// in the caisse or kept in another currency, lines that do not sum to zero in a currency (the
// message gives the imbalance), sums beyond 64 bits.
Result<Posting> post(store::PgConnection& db, const NewEntry& entry);

// Posts `entries`, all of one caisse, as post() would one by one, but in one statement: a
// cycle's batch of credited lines costs one round trip and one run of the balance trigger, not
// one per line. Every entry is validated, and every key already posted compared, before
// anything is written, so one refused entry (or two with the same key) writes none of them.
// Postings come back in the order given.
Result<std::vector<Posting>> post_all(store::PgConnection& db,
                                      const std::vector<NewEntry>& entries);

// Posts the correction of entry `entry_id`: the same lines with opposite signs, source
// "reversal:entry:<id>". An entry is reversed at most once; the idempotency rules of post()
// apply to `idempotency_key`.
Result<Posting> post_reversal(store::PgConnection& db, std::string_view caisse_id,
                              std::int64_t entry_id, const std::string& idempotency_key, Date date,
                              const std::string& description);

// The entry posted under `idempotency_key`, or nullopt.
Result<std::optional<Entry>> find_entry(store::PgConnection& db, std::string_view caisse_id,
                                        std::string_view idempotency_key);

// Entry `entry_id` of the caisse, or an error (also when it belongs to another caisse).
Result<Entry> get_entry(store::PgConnection& db, std::string_view caisse_id, std::int64_t entry_id);

}  // namespace caisse::host::ledger
