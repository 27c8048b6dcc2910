#include "ledger/journal.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "ledger/sql_values.hpp"
#include "store/text_array.hpp"

namespace caisse::host::ledger {
namespace {

struct OpenAccount {
  std::int64_t id = 0;
  std::string currency;
};

struct Book {
  std::map<std::string, OpenAccount> accounts;  // by to_string(AccountRef)
  std::map<std::string, int> minor_units;       // by currency code
};

Result<Book> load_book(store::PgConnection& db, std::string_view caisse_id) {
  auto rows = db.exec_params(
      "SELECT a.id, a.kind, a.key, a.currency, c.minor_unit"
      "  FROM ledger_accounts a"
      "  JOIN ledger_currencies c ON c.caisse_id = a.caisse_id AND c.code = a.currency"
      " WHERE a.caisse_id = $1",
      {std::string(caisse_id)});
  if (!rows) return rows.error();
  Book book;
  for (int row = 0; row < rows->rows(); ++row) {
    auto id = detail::parse_int64(rows->get(row, 0), "ledger_accounts.id");
    if (!id) return id.error();
    auto kind = parse_account_kind(rows->get(row, 1));
    if (!kind) return kind.error();
    std::string currency(rows->get(row, 3));
    book.accounts[to_string(AccountRef{*kind, std::string(rows->get(row, 2))})] = {*id, currency};
    book.minor_units[currency] = std::stoi(std::string(rows->get(row, 4)));
  }
  return book;
}

std::string amount_text(std::int64_t minor, const std::string& currency, const Book& book) {
  auto unit = book.minor_units.find(currency);
  if (unit == book.minor_units.end()) return std::to_string(minor) + " " + currency + " (minor)";
  return money::format_decimal(minor, unit->second) + " " + currency;
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// Everything that can be refused without writing: the caller's transaction stays usable.
Result<void> validate(const NewEntry& entry, const Book& book) {
  const std::string name = "entry " + quoted(entry.idempotency_key);
  if (entry.caisse_id.empty()) return make_error(name + ": no caisse id");
  if (entry.idempotency_key.empty()) return make_error("entry without an idempotency key");
  if (!entry.date.ok()) return make_error(name + ": invalid date");
  if (entry.lines.size() < 2) {
    return make_error(name + " has " + std::to_string(entry.lines.size()) +
                      " line(s); an entry needs at least two");
  }
  struct Totals {
    money::Money sum, debits, credits;
  };
  std::map<std::string, Totals> totals;
  for (std::size_t i = 0; i < entry.lines.size(); ++i) {
    const Line& line = entry.lines[i];
    const std::string where =
        name + " line " + std::to_string(i + 1) + " (" + to_string(line.account) + ")";
    if (line.amount.minor == 0) return make_error(where + ": amount is zero");
    auto account = book.accounts.find(to_string(line.account));
    if (account == book.accounts.end()) {
      return make_error(where + ": account is not open in caisse " + entry.caisse_id);
    }
    if (account->second.currency != line.amount.currency) {
      return make_error(where + ": the account is kept in " + account->second.currency +
                        ", the line is in " + quoted(line.amount.currency));
    }
    const std::string& currency = line.amount.currency;
    auto [it, inserted] =
        totals.try_emplace(currency, Totals{{0, currency}, {0, currency}, {0, currency}});
    auto sum = money::add(it->second.sum, line.amount);
    auto side =
        money::add(line.amount.minor > 0 ? it->second.debits : it->second.credits, line.amount);
    if (!sum || !side) {
      return make_error(name + ": the " + currency + " lines add up beyond the 64-bit range");
    }
    it->second.sum = *sum;
    (line.amount.minor > 0 ? it->second.debits : it->second.credits) = *side;
  }
  for (const auto& [currency, t] : totals) {
    if (t.sum.minor != 0) {
      return make_error(name + " does not balance in " + currency + ": its lines sum to " +
                        amount_text(t.sum.minor, currency, book) + " (debits " +
                        amount_text(t.debits.minor, currency, book) + ", credits " +
                        amount_text(t.credits.minor, currency, book) + ")");
    }
  }
  return {};
}

Result<std::vector<Line>> load_lines(store::PgConnection& db, std::string_view caisse_id,
                                     std::int64_t entry_id) {
  auto rows = db.exec_params(
      "SELECT a.kind, a.key, l.amount_minor, l.currency"
      "  FROM ledger_lines l JOIN ledger_accounts a ON a.id = l.account_id"
      " WHERE l.entry_id = $1 AND l.caisse_id = $2 ORDER BY l.line_no",
      {std::to_string(entry_id), std::string(caisse_id)});
  if (!rows) return rows.error();
  std::vector<Line> lines;
  for (int row = 0; row < rows->rows(); ++row) {
    auto kind = parse_account_kind(rows->get(row, 0));
    if (!kind) return kind.error();
    auto minor = detail::parse_int64(rows->get(row, 2), "ledger_lines.amount_minor");
    if (!minor) return minor.error();
    lines.push_back(Line{AccountRef{*kind, std::string(rows->get(row, 1))},
                         money::Money{*minor, std::string(rows->get(row, 3))}});
  }
  return lines;
}

constexpr const char* kEntryColumns =
    "id, caisse_id, idempotency_key, to_char(entry_date, 'YYYY-MM-DD'), description, source_ref,"
    " reverses_entry_id";

Result<std::optional<Entry>> load_entry(store::PgConnection& db, const std::string& where,
                                        const std::vector<std::optional<std::string>>& params) {
  auto rows = db.exec_params(
      std::string("SELECT ") + kEntryColumns + " FROM ledger_entries WHERE " + where, params);
  if (!rows) return rows.error();
  if (rows->rows() == 0) return std::optional<Entry>();
  Entry entry;
  auto id = detail::parse_int64(rows->get(0, 0), "ledger_entries.id");
  if (!id) return id.error();
  entry.id = *id;
  entry.caisse_id = rows->get(0, 1);
  entry.idempotency_key = rows->get(0, 2);
  auto date = parse_date(rows->get(0, 3));
  if (!date) return date.error();
  entry.date = *date;
  entry.description = rows->get(0, 4);
  entry.source = rows->get(0, 5);
  if (!rows->is_null(0, 6)) {
    auto reverses = detail::parse_int64(rows->get(0, 6), "ledger_entries.reverses_entry_id");
    if (!reverses) return reverses.error();
    entry.reverses = *reverses;
  }
  auto lines = load_lines(db, entry.caisse_id, entry.id);
  if (!lines) return lines.error();
  entry.lines = std::move(lines.value());
  return std::optional<Entry>(std::move(entry));
}

std::vector<Line> sorted(std::vector<Line> lines) {
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return std::tie(a.account.kind, a.account.key, a.amount.currency, a.amount.minor) <
           std::tie(b.account.kind, b.account.key, b.amount.currency, b.amount.minor);
  });
  return lines;
}

// A replay must carry what was stored; the error names the first field that differs.
Result<void> same_content(const Entry& stored, const NewEntry& entry,
                          std::optional<std::int64_t> reverses) {
  auto differs = [&](const std::string& field, const std::string& was, const std::string& now) {
    return make_error("idempotency key " + quoted(entry.idempotency_key) +
                      " was already posted in caisse " + entry.caisse_id + " as entry " +
                      std::to_string(stored.id) + " with another " + field + ": stored " + was +
                      ", now " + now);
  };
  if (stored.date != entry.date) {
    return differs("date", format_date(stored.date), format_date(entry.date));
  }
  if (stored.description != entry.description) {
    return differs("description", quoted(stored.description), quoted(entry.description));
  }
  if (stored.source != entry.source) {
    return differs("source", quoted(stored.source), quoted(entry.source));
  }
  if (stored.reverses != reverses) {
    auto text = [](std::optional<std::int64_t> id) {
      return id ? "reversal of entry " + std::to_string(*id) : std::string("not a reversal");
    };
    return differs("purpose", text(stored.reverses), text(reverses));
  }
  if (sorted(stored.lines) != sorted(entry.lines)) {
    auto text = [](const std::vector<Line>& lines) {
      std::string out;
      for (const Line& line : lines) {
        if (!out.empty()) out += ", ";
        out += to_string(line.account) + " " + std::to_string(line.amount.minor) + " " +
               line.amount.currency;
      }
      return "[" + out + "]";
    };
    return differs("lines", text(stored.lines), text(entry.lines));
  }
  return {};
}

// The posting of a key that ON CONFLICT found already posted, by us or by a transaction that
// has committed since (ON CONFLICT waited for it): either way its entry is visible now, and it
// must carry what `entry` carries.
Result<Posting> replayed(store::PgConnection& db, const NewEntry& entry,
                         std::optional<std::int64_t> reverses) {
  auto raced = find_entry(db, entry.caisse_id, entry.idempotency_key);
  if (!raced) return raced.error();
  if (!raced->has_value()) {
    return make_error("entry " + quoted(entry.idempotency_key) +
                      ": key taken by a concurrent posting that is not visible");
  }
  if (auto same = same_content(**raced, entry, reverses); !same) return same.error();
  return Posting{std::move(**raced), false};
}

// Writes `entries` (validated against `book`, keys not yet posted as far as the caller knows)
// with their lines in one statement, which the trigger on ledger_lines checks once they are in:
// all of them or none. `reverses` is the entry a lone reversal corrects. Returns the new ids by
// idempotency key; a key that ON CONFLICT found posted meanwhile is not in it. The error is the
// database's, for the caller to put in context.
Result<std::map<std::string, std::int64_t>> insert_entries(
    store::PgConnection& db, const std::string& caisse_id, const Book& book,
    const std::vector<const NewEntry*>& entries, std::optional<std::int64_t> reverses) {
  std::vector<std::string> keys, dates, descriptions, sources;
  std::vector<std::string> line_keys, line_nos, account_ids, amounts, currencies;
  for (const NewEntry* entry : entries) {
    keys.push_back(entry->idempotency_key);
    dates.push_back(format_date(entry->date));
    descriptions.push_back(entry->description);
    sources.push_back(entry->source);
    for (std::size_t n = 0; n < entry->lines.size(); ++n) {
      const Line& line = entry->lines[n];
      line_keys.push_back(entry->idempotency_key);
      line_nos.push_back(std::to_string(n + 1));
      account_ids.push_back(std::to_string(book.accounts.at(to_string(line.account)).id));
      amounts.push_back(std::to_string(line.amount.minor));
      currencies.push_back(line.amount.currency);
    }
  }
  auto inserted = db.exec_params(
      "WITH entries AS ("
      "  INSERT INTO ledger_entries"
      "    (caisse_id, idempotency_key, entry_date, description, source_ref, reverses_entry_id)"
      "  SELECT $1, e.key, e.day, e.description, e.source, $11::bigint"
      "    FROM unnest($2::text[], $3::date[], $4::text[], $5::text[])"
      "      AS e (key, day, description, source)"
      "  ON CONFLICT (caisse_id, idempotency_key) DO NOTHING"
      "  RETURNING id, idempotency_key),"
      " lines AS ("
      "  INSERT INTO ledger_lines"
      "    (entry_id, line_no, caisse_id, account_id, amount_minor, currency)"
      "  SELECT entries.id, l.line_no, $1, l.account_id, l.amount_minor, l.currency"
      "    FROM entries JOIN unnest($6::text[], $7::integer[], $8::bigint[], $9::bigint[],"
      "                             $10::text[])"
      "      AS l (key, line_no, account_id, amount_minor, currency)"
      "      ON l.key = entries.idempotency_key"
      "  RETURNING 1)"
      " SELECT id, idempotency_key, (SELECT count(*) FROM lines) FROM entries",
      {caisse_id, store::text_array(keys), store::text_array(dates),
       store::text_array(descriptions), store::text_array(sources), store::text_array(line_keys),
       store::text_array(line_nos), store::text_array(account_ids), store::text_array(amounts),
       store::text_array(currencies),
       reverses ? std::optional<std::string>(std::to_string(*reverses)) : std::nullopt});
  if (!inserted) return inserted.error();
  std::map<std::string, std::int64_t> ids;
  for (int row = 0; row < inserted->rows(); ++row) {
    auto id = detail::parse_int64(inserted->get(row, 0), "ledger_entries.id");
    if (!id) return id.error();
    ids.emplace(std::string(inserted->get(row, 1)), *id);
  }
  return ids;
}

Result<Posting> post_entry(store::PgConnection& db, const NewEntry& entry,
                           std::optional<std::int64_t> reverses) {
  auto book = load_book(db, entry.caisse_id);
  if (!book) return book.error();
  if (auto valid = validate(entry, *book); !valid) return valid.error();

  auto inserted = insert_entries(db, entry.caisse_id, *book, {&entry}, reverses);
  if (!inserted) {
    return make_error("entry " + quoted(entry.idempotency_key) + " of caisse " + entry.caisse_id +
                      " refused: " + inserted.error().message);
  }
  if (inserted->empty()) return replayed(db, entry, reverses);
  return Posting{Entry{inserted->begin()->second, entry.caisse_id, entry.idempotency_key,
                       entry.date, entry.description, entry.source, reverses, entry.lines},
                 true};
}

}  // namespace

Result<Posting> post(store::PgConnection& db, const NewEntry& entry) {
  return post_entry(db, entry, std::nullopt);
}

Result<std::vector<Posting>> post_all(store::PgConnection& db,
                                      const std::vector<NewEntry>& entries) {
  if (entries.empty()) return std::vector<Posting>{};
  const std::string& caisse_id = entries.front().caisse_id;
  auto book = load_book(db, caisse_id);
  if (!book) return book.error();
  std::map<std::string, std::size_t> index;  // key -> position in `entries`
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const NewEntry& entry = entries[i];
    if (entry.caisse_id != caisse_id) {
      return make_error("entry " + quoted(entry.idempotency_key) + " is of caisse " +
                        entry.caisse_id + ", the batch of caisse " + caisse_id);
    }
    if (auto valid = validate(entry, *book); !valid) return valid.error();
    if (!index.emplace(entry.idempotency_key, i).second) {
      return make_error("entry " + quoted(entry.idempotency_key) + " appears twice in the batch");
    }
    keys.push_back(entry.idempotency_key);
  }

  // Replays are checked before anything is written, so a replay with other content refuses
  // the batch without leaving the others half-posted in the caller's transaction.
  std::vector<std::optional<Posting>> postings(entries.size());
  auto existing = db.exec_params(
      "SELECT idempotency_key FROM ledger_entries"
      " WHERE caisse_id = $1 AND idempotency_key = ANY($2::text[])",
      {caisse_id, store::text_array(keys)});
  if (!existing) return existing.error();
  for (int row = 0; row < existing->rows(); ++row) {
    const std::size_t i = index.at(std::string(existing->get(row, 0)));
    auto again = replayed(db, entries[i], std::nullopt);
    if (!again) return again.error();
    postings[i] = std::move(*again);
  }

  std::vector<const NewEntry*> fresh;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!postings[i]) fresh.push_back(&entries[i]);
  }
  if (!fresh.empty()) {
    auto inserted = insert_entries(db, caisse_id, *book, fresh, std::nullopt);
    if (!inserted) {
      return make_error("a batch of " + std::to_string(fresh.size()) + " entries of caisse " +
                        caisse_id + " refused: " + inserted.error().message);
    }
    for (const auto& [key, id] : *inserted) {
      const std::size_t i = index.at(key);
      const NewEntry& entry = entries[i];
      postings[i] = Posting{Entry{id, caisse_id, entry.idempotency_key, entry.date,
                                  entry.description, entry.source, std::nullopt, entry.lines},
                            true};
    }
  }

  std::vector<Posting> out;
  out.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    // Not inserted and not seen before: posted by a transaction that committed meanwhile.
    if (!postings[i]) {
      auto again = replayed(db, entries[i], std::nullopt);
      if (!again) return again.error();
      postings[i] = std::move(*again);
    }
    out.push_back(std::move(*postings[i]));
  }
  return out;
}

Result<Posting> post_reversal(store::PgConnection& db, std::string_view caisse_id,
                              std::int64_t entry_id, const std::string& idempotency_key, Date date,
                              const std::string& description) {
  auto original = get_entry(db, caisse_id, entry_id);
  if (!original) return original.error();
  // Said here rather than by the database's unique index, so the caller's transaction stays
  // usable.
  auto earlier = db.exec_params(
      "SELECT id, idempotency_key FROM ledger_entries"
      " WHERE caisse_id = $1 AND reverses_entry_id = $2",
      {std::string(caisse_id), std::to_string(entry_id)});
  if (!earlier) return earlier.error();
  if (earlier->rows() > 0 && earlier->get(0, 1) != idempotency_key) {
    return make_error("entry " + std::to_string(entry_id) + " of caisse " + std::string(caisse_id) +
                      " was already reversed by entry " + std::string(earlier->get(0, 0)) +
                      " (key " + quoted(earlier->get(0, 1)) + ")");
  }
  NewEntry reversal{std::string(caisse_id),
                    idempotency_key,
                    date,
                    description,
                    "reversal:entry:" + std::to_string(entry_id),
                    {}};
  for (const Line& line : original->lines) {
    // Stored lines are non-zero int64 values; only INT64_MIN has no opposite.
    if (line.amount.minor == INT64_MIN) {
      return make_error("entry " + std::to_string(entry_id) + " has a line that cannot be negated");
    }
    reversal.lines.push_back(
        Line{line.account, money::Money{-line.amount.minor, line.amount.currency}});
  }
  return post_entry(db, reversal, entry_id);
}

Result<std::optional<Entry>> find_entry(store::PgConnection& db, std::string_view caisse_id,
                                        std::string_view idempotency_key) {
  return load_entry(db, "caisse_id = $1 AND idempotency_key = $2",
                    {std::string(caisse_id), std::string(idempotency_key)});
}

Result<Entry> get_entry(store::PgConnection& db, std::string_view caisse_id,
                        std::int64_t entry_id) {
  auto found = load_entry(db, "caisse_id = $1 AND id = $2",
                          {std::string(caisse_id), std::to_string(entry_id)});
  if (!found) return found.error();
  if (!found->has_value()) {
    return make_error("no entry " + std::to_string(entry_id) + " in caisse " +
                      std::string(caisse_id));
  }
  return std::move(**found);
}

}  // namespace caisse::host::ledger
