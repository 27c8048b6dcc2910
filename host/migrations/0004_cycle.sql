-- The monthly allocation cycle: one row per caisse and month, moving through
-- computed -> approved -> funded -> dispatched -> settled -> closed, and one line per household.
-- The lines double as the outbox: each carries its deterministic operation id (the idempotency
-- key, stored before any call to the currency backend) and what became of it.

CREATE TABLE cycles (
    caisse_id        text        NOT NULL,
    month            text        NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    state            text        NOT NULL
        CHECK (state IN ('computed', 'approved', 'funded', 'dispatched', 'settled', 'closed')),
    currency         text        NOT NULL,
    rule_version     text        NOT NULL,
    household_count  bigint      NOT NULL,
    total_minor      bigint      NOT NULL CHECK (total_minor >= 0),
    computed_by      text        NOT NULL,
    computed_at      timestamptz NOT NULL,
    approved_by      text,
    approved_at      timestamptz,
    funds_minor      bigint,     -- funds available at the last funding check
    shortfall_minor  bigint,     -- what was missing at the last failed check, else NULL
    funded_at        timestamptz,
    dispatched_at    timestamptz,
    settled_at       timestamptz,
    closed_at        timestamptz,
    PRIMARY KEY (caisse_id, month),
    -- The four-eyes rule holds in the database too.
    CHECK (approved_by IS NULL OR approved_by <> computed_by)
);

CREATE TABLE cycle_lines (
    caisse_id      text    NOT NULL,
    month          text    NOT NULL,
    household_id   text    NOT NULL,
    amount_minor   bigint  NOT NULL CHECK (amount_minor >= 0),
    rule_version   text    NOT NULL,
    operation_id   text    NOT NULL UNIQUE,
    status         text    NOT NULL DEFAULT 'NOT_SENT'
        CHECK (status IN ('NOT_SENT', 'PENDING', 'SUCCEEDED', 'DECLINED', 'UNKNOWN')),
    attempts       integer NOT NULL DEFAULT 0,
    external_ref   text,
    message        text,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, month, household_id),
    FOREIGN KEY (caisse_id, month) REFERENCES cycles (caisse_id, month) ON DELETE CASCADE
);

CREATE INDEX cycle_lines_open ON cycle_lines (caisse_id, month, status)
    WHERE status IN ('NOT_SENT', 'PENDING', 'UNKNOWN');
