-- The ledger: a double-entry, append-only book per caisse (docs/ledger.md).
--
-- Sign convention: a line's amount_minor is positive for a debit and negative for a credit, so
-- every entry sums to zero in each currency. Asset-like accounts (bank, reconversion_payouts,
-- member_balances, merchant_balances, merchant_reconversions) carry positive balances; source
-- accounts (contributions, grant, currency_issued) carry negative ones.
--
-- What the database itself guarantees, whoever writes:
--   * entries, lines, accounts and currencies are never updated or deleted (corrections are
--     reversing entries);
--   * the lines added by one statement leave every entry they touch balanced per currency;
--   * a line's account belongs to the line's caisse and is kept in the line's currency;
--   * a running balance per account, which refuses to leave the bigint range.
-- check_invariants() (host/src/ledger/invariants.cpp) re-verifies all of it from the lines.

-- The currencies a caisse keeps books in, with their decimals (EUR 2, MONA 2).
CREATE TABLE ledger_currencies (
    caisse_id  text     NOT NULL,
    code       text     NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9]{1,11}$'),
    minor_unit smallint NOT NULL CHECK (minor_unit BETWEEN 0 AND 4),
    PRIMARY KEY (caisse_id, code)
);

-- The chart of accounts. `key` tells apart accounts of one kind: the funder id of a grant
-- account (required), optionally a merchant or bank-account id for the others.
CREATE TABLE ledger_accounts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caisse_id  text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN (
        'bank', 'contributions', 'grant', 'reconversion_payouts',
        'currency_issued', 'member_balances', 'merchant_balances', 'merchant_reconversions')),
    key        text        NOT NULL DEFAULT '',
    currency   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (caisse_id, kind, key),
    UNIQUE (id, caisse_id, currency),
    CHECK (kind <> 'grant' OR key <> ''),
    FOREIGN KEY (caisse_id, currency) REFERENCES ledger_currencies (caisse_id, code)
);

CREATE TABLE ledger_entries (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caisse_id         text        NOT NULL,
    idempotency_key   text        NOT NULL CHECK (idempotency_key <> ''),
    entry_date        date        NOT NULL,
    description       text        NOT NULL,
    source_ref        text        NOT NULL,   -- "cycle:2026-11", "import:bank-2026-11.csv:line 12"
    reverses_entry_id bigint,                 -- set on a correction: the entry it cancels
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (caisse_id, idempotency_key),
    UNIQUE (id, caisse_id),
    FOREIGN KEY (reverses_entry_id, caisse_id) REFERENCES ledger_entries (id, caisse_id)
);
-- An entry is reversed at most once.
CREATE UNIQUE INDEX ledger_entries_reversed_once ON ledger_entries (reverses_entry_id)
    WHERE reverses_entry_id IS NOT NULL;
CREATE INDEX ledger_entries_by_date ON ledger_entries (caisse_id, entry_date);

CREATE TABLE ledger_lines (
    entry_id     bigint NOT NULL,
    line_no      integer NOT NULL CHECK (line_no >= 1),
    caisse_id    text   NOT NULL,
    account_id   bigint NOT NULL,
    amount_minor bigint NOT NULL CHECK (amount_minor <> 0),  -- debit > 0, credit < 0
    currency     text   NOT NULL,
    PRIMARY KEY (entry_id, line_no),
    FOREIGN KEY (entry_id, caisse_id) REFERENCES ledger_entries (id, caisse_id),
    FOREIGN KEY (account_id, caisse_id, currency)
        REFERENCES ledger_accounts (id, caisse_id, currency)
);
CREATE INDEX ledger_lines_by_account ON ledger_lines (account_id, entry_id)
    INCLUDE (amount_minor);
CREATE INDEX ledger_lines_by_caisse ON ledger_lines (caisse_id);

-- Current balance of each account, kept by the trigger below: derived data, so the one ledger
-- table that changes. check_invariants() compares it with the sum of the lines.
CREATE TABLE ledger_account_balances (
    account_id    bigint PRIMARY KEY REFERENCES ledger_accounts (id),
    balance_minor bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused (post a reversing entry instead)',
        TG_TABLE_NAME, TG_OP USING ERRCODE = '55000';
END
$$;

CREATE TRIGGER ledger_currencies_append_only BEFORE UPDATE OR DELETE ON ledger_currencies
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_currencies_no_truncate BEFORE TRUNCATE ON ledger_currencies
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_accounts_append_only BEFORE UPDATE OR DELETE ON ledger_accounts
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_lines_append_only BEFORE UPDATE OR DELETE ON ledger_lines
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_lines_no_truncate BEFORE TRUNCATE ON ledger_lines
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE FUNCTION ledger_open_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_account_balances (account_id) VALUES (NEW.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_accounts_open_balance AFTER INSERT ON ledger_accounts
    FOR EACH ROW EXECUTE FUNCTION ledger_open_balance();

-- Once per INSERT statement on ledger_lines: every entry it touched must balance per currency
-- (counting the lines it had before), then the running balances move, account by account in id
-- order so that two concurrent postings lock them in the same order.
CREATE FUNCTION ledger_lines_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced record;
    moved      record;
BEGIN
    SELECT l.entry_id, l.currency, sum(l.amount_minor) AS total INTO unbalanced
      FROM ledger_lines l
     WHERE l.entry_id IN (SELECT DISTINCT entry_id FROM added)
     GROUP BY l.entry_id, l.currency
    HAVING sum(l.amount_minor) <> 0
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ledger entry % does not balance: its % lines sum to % (minor units)',
            unbalanced.entry_id, unbalanced.currency, unbalanced.total USING ERRCODE = '23514';
    END IF;
    FOR moved IN SELECT account_id, sum(amount_minor) AS delta
                   FROM added GROUP BY account_id ORDER BY account_id LOOP
        UPDATE ledger_account_balances
           SET balance_minor = balance_minor + moved.delta::bigint
         WHERE account_id = moved.account_id;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_lines_balanced AFTER INSERT ON ledger_lines
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_lines_added();
