-- Money coming in (docs/money-in.md): provider notifications kept as received, the payment
-- events adapters read from them and from status reports, and bank statement lines with what
-- each was reconciled to.

-- Every notification a collector instance verified, with its raw bytes: the body is what the
-- signature covered, so it is kept byte for byte (bytea) for audit and replay. One row per
-- provider event id: a provider that sends an event again (they retry until answered 2xx)
-- counts a duplicate on the row and changes nothing else.
CREATE TABLE inbound_events (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caisse_id       text        NOT NULL,
    instance        text        COLLATE "C" NOT NULL,
    event_id        text        COLLATE "C" NOT NULL CHECK (event_id <> ''),
    headers         jsonb       NOT NULL,   -- [[name, value], ...] in the order received
    body            bytea       NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    received_ms     bigint      NOT NULL,   -- the clock the signature window was checked with
    -- received: waits for the processor; processed: its payment events are recorded;
    -- dead: failed max_attempts times, waits for an operator's replay.
    state           text        NOT NULL DEFAULT 'received'
        CHECK (state IN ('received', 'processed', 'dead')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    processed_at    timestamptz,
    duplicates      integer     NOT NULL DEFAULT 0,
    last_duplicate_at timestamptz,
    UNIQUE (caisse_id, instance, event_id)
);
CREATE INDEX inbound_events_due ON inbound_events (next_attempt_at) WHERE state = 'received';

-- What providers said happened to payments, whichever way it came: a notification, a status
-- report (pain.002), a listing. Kept once per instance and event id, so the same report or
-- notification twice changes nothing.
CREATE TABLE payment_events (
    caisse_id     text        NOT NULL,
    instance      text        COLLATE "C" NOT NULL,
    event_id      text        COLLATE "C" NOT NULL CHECK (event_id <> ''),
    source        text        NOT NULL CHECK (source IN ('webhook', 'report', 'listing')),
    payment_ref   text        COLLATE "C" NOT NULL CHECK (payment_ref <> ''),
    payer_ref     text        COLLATE "C",
    state         text        NOT NULL CHECK (state IN ('pending', 'paid', 'failed', 'refunded')),
    amount_minor  bigint      NOT NULL CHECK (amount_minor >= 0),
    currency      text,
    reason_code   text,
    occurred_at   text,
    location      text,
    -- What the event did: "receipt receipt/psp/..", "reversal of entry 12", "debit E2E rejected",
    -- or why it did nothing ("no household named"); for the operator.
    effect        text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, instance, event_id)
);
CREATE INDEX payment_events_by_payment ON payment_events (caisse_id, instance, payment_ref);

-- One row per statement file imported, keyed by the SHA-256 of its bytes: the same file twice
-- is recognised before anything is parsed.
CREATE TABLE statement_imports (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caisse_id    text        NOT NULL,
    instance     text        COLLATE "C" NOT NULL,
    file_name    text        NOT NULL,
    sha256       text        NOT NULL,
    lines        integer     NOT NULL,
    new_lines    integer     NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now(),
    actor        text        NOT NULL,
    UNIQUE (caisse_id, sha256)
);

-- Statement lines, each kept once per caisse whichever file brought it: its line_key is the
-- bank's own reference when it has one, else a digest of what the line says and of its rank
-- among identical lines of its file, so overlapping statements (a camt.054 and the camt.053 of
-- the same day, two CSV exports of overlapping periods) add each line once.
CREATE TABLE statement_lines (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caisse_id         text        NOT NULL,
    line_key          text        COLLATE "C" NOT NULL,
    import_id         bigint      NOT NULL REFERENCES statement_imports (id),
    location          text        NOT NULL,
    account_iban      text,
    booking_date      date        NOT NULL,
    value_date        date,
    amount_minor      bigint      NOT NULL CHECK (amount_minor <> 0),
    currency          text        NOT NULL,
    bank_reference    text,
    end_to_end_id     text,
    mandate_id        text,
    counterparty_name text,
    counterparty_iban text,
    remittance        text,
    return_reason     text,
    -- unmatched: waits in the operator's queue; matched: posted (entry_id) or settled without a
    -- posting (a PSP payout already booked); ignored: an operator said it is not the caisse's
    -- business (bank fees are booked elsewhere).
    status            text        NOT NULL CHECK (status IN ('unmatched', 'matched', 'ignored')),
    matched_as        text,       -- "debit E2E-..", "grant funder-id", "household h42", ...
    matched_by        text,       -- the rule or the operator that matched it
    entry_id          bigint,
    note              text,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (caisse_id, line_key),
    FOREIGN KEY (entry_id, caisse_id) REFERENCES ledger_entries (id, caisse_id)
);
CREATE INDEX statement_lines_queue ON statement_lines (caisse_id, booking_date)
    WHERE status = 'unmatched';

-- A receipt given back (a direct debit returned, a card payment refunded) keeps its row and its
-- entry; the reversal entry that cancels it is noted here.
ALTER TABLE registry_receipts ADD COLUMN reversal_entry_id bigint;
ALTER TABLE registry_receipts ADD FOREIGN KEY (reversal_entry_id, caisse_id)
    REFERENCES ledger_entries (id, caisse_id);
