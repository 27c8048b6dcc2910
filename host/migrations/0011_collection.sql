-- SEPA direct debit of members' contributions (host/src/collection/): the mandates households
-- sign, their amendments, the monthly runs that present one debit per household to the bank,
-- and the bank's answers (pain.002 rejects, statement returns) applied to those debits.
--
-- A debit is an expectation, not money: nothing here is posted to the ledger. Money is booked
-- when it reaches the bank account (statement reconciliation), which finds the debit by its
-- end_to_end_id and marks it paid or returned.
--
-- Every key includes caisse_id; identifiers sort bytewise (COLLATE "C") so that runs list their
-- debits in the same order whatever the server's locale, and a file written twice is the same.

-- A mandate reference (RUM) is chosen by the creditor: 1 to 35 characters of the SEPA Latin set
-- without space (EPC, DK RestrictedIdentificationSEPA2), never starting or ending with '/' nor
-- holding '//' (EPC slash rule). Checked here too so that no path around the importer can store
-- a reference the bank would refuse.
CREATE DOMAIN collection_sepa_reference AS text COLLATE "C"
    CHECK (VALUE ~ '^[A-Za-z0-9+?/:().,''-]{1,35}$' AND VALUE !~ '(^/|/$|//)');

-- One mandate per household: the one its debits are presented under. A mandate the member
-- replaces by a new one (new reference and signature date) is overwritten and remembered in
-- collection_mandate_history.
CREATE TABLE collection_mandates (
    caisse_id             text        NOT NULL,
    household_id          text        COLLATE "C" NOT NULL,
    mandate_id            collection_sepa_reference NOT NULL,
    -- recurrent: collected every month (FRST then RCUR); one_off: collected once (OOFF).
    kind                  text        NOT NULL CHECK (kind IN ('recurrent', 'one_off')),
    -- Personal data: never logged, never quoted in errors (an IBAN only masked).
    debtor_name           text        NOT NULL CHECK (debtor_name <> ''),
    iban                  text        NOT NULL CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    bic                   text        CHECK (bic ~ '^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$'),
    signed_on             date        NOT NULL,
    -- active: collectable. needs_bank_details: the bank said the account is closed or invalid
    -- (AC04, AC01...), an import with a new IBAN makes it active again. on_hold: the member
    -- refused a debit (MS02) or blocked the account; the operator reinstates it after talking
    -- with them. revoked: by the member's bank (MD01) or the operator; lapsed: unused for 36
    -- months. Both are final: the member signs a new mandate.
    status                text        NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'needs_bank_details', 'on_hold', 'revoked', 'lapsed')),
    -- The reason code (AC04, MD01...) or 'operator' behind a status other than active.
    status_reason         text,
    -- Due date of the last collection presented under this mandate, even one rejected or
    -- returned: the 36-month lapse clock runs from it (Banque de France), or from signed_on.
    last_collected_on     date,
    -- Whether a first collection went to the bank: the next one is FRST until it has.
    first_collection_done boolean     NOT NULL DEFAULT false,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, household_id),
    UNIQUE (caisse_id, mandate_id),
    FOREIGN KEY (caisse_id, household_id) REFERENCES registry_households (caisse_id, id)
);

-- What changed on a household's mandate. An amendment (same signature, new reference or new
-- account) must be told to the bank once, in the next debit (AmdmntInd, OrgnlMndtId,
-- OrgnlDbtrAcct): reported_by names that debit. A debit rejected before settlement never
-- reached the debtor's bank, so its amendments are reported again by the next one. A
-- replacement (a new mandate) is never reported: the new mandate starts over with FRST.
CREATE TABLE collection_mandate_history (
    caisse_id           text        NOT NULL,
    id                  bigint      GENERATED ALWAYS AS IDENTITY,
    household_id        text        COLLATE "C" NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('amendment', 'replacement')),
    -- The values before the change; NULL when that value did not change.
    original_mandate_id text        COLLATE "C",
    original_iban       text,
    changed_at          timestamptz NOT NULL DEFAULT now(),
    reported_by         text        COLLATE "C",  -- end_to_end_id of the debit that carried it
    PRIMARY KEY (caisse_id, id),
    CHECK (original_mandate_id IS NOT NULL OR original_iban IS NOT NULL),
    CHECK (kind = 'amendment' OR reported_by IS NULL),
    FOREIGN KEY (caisse_id, household_id) REFERENCES collection_mandates (caisse_id, household_id)
);
CREATE INDEX collection_mandate_history_unreported ON collection_mandate_history
    (caisse_id, household_id) WHERE kind = 'amendment' AND reported_by IS NULL;

-- One run per caisse and month, whatever the collector instance: two collectors drafting the
-- same month would debit the same households twice. Its ids are fixed when it is drafted, so
-- writing its file again gives the same bytes.
CREATE TABLE collection_runs (
    caisse_id       text        NOT NULL,
    month           text        COLLATE "C" NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    collector       text        NOT NULL,  -- the plugin instance that writes the pain.008
    message_id      collection_sepa_reference NOT NULL,  -- GrpHdr/MsgId
    collection_date date        NOT NULL,  -- ReqdColltnDt
    created_at      timestamptz NOT NULL,  -- GrpHdr/CreDtTm
    -- drafted: debits stored, more may be added; file_written: the file exists, the run is
    -- frozen; submitted: handed to the bank.
    state           text        NOT NULL CHECK (state IN ('drafted', 'file_written', 'submitted')),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, month),
    UNIQUE (caisse_id, message_id)
);

-- One debit per household and run, with everything its pain.008 line says copied in, so that a
-- later change of mandate never changes a file already written.
CREATE TABLE collection_debits (
    caisse_id           text        NOT NULL,
    month               text        COLLATE "C" NOT NULL,
    household_id        text        COLLATE "C" NOT NULL,
    end_to_end_id       text        COLLATE "C" NOT NULL
        CHECK (end_to_end_id ~ '^[A-Za-z0-9+?/:().,'' -]{1,35}$'),
    mandate_id          collection_sepa_reference NOT NULL,
    mandate_signed_on   date        NOT NULL,
    sequence_type       text        NOT NULL CHECK (sequence_type IN ('FRST', 'RCUR', 'OOFF', 'FNAL')),
    debtor_name         text        NOT NULL,
    debtor_iban         text        NOT NULL,
    debtor_bic          text,
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    currency            text        NOT NULL CHECK (currency = 'EUR'),
    remittance          text        NOT NULL,
    amended_mandate_id  text        COLLATE "C",  -- OrgnlMndtId, when amended since the last debit
    amended_iban        text,                     -- OrgnlDbtrAcct, likewise
    -- to_collect: in a run not yet submitted; submitted: at the bank; paid: the money arrived;
    -- rejected: refused before settlement (nothing moved); returned: given back after it.
    state               text        NOT NULL DEFAULT 'to_collect'
        CHECK (state IN ('to_collect', 'submitted', 'paid', 'rejected', 'returned')),
    reason_code         text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, month, household_id),
    UNIQUE (caisse_id, end_to_end_id),
    FOREIGN KEY (caisse_id, month) REFERENCES collection_runs (caisse_id, month),
    FOREIGN KEY (caisse_id, household_id) REFERENCES registry_households (caisse_id, id)
);
CREATE INDEX collection_debits_by_mandate ON collection_debits (caisse_id, mandate_id);

-- Every provider event applied to a debit, by the provider's event id: the same report or
-- statement read twice finds its events here and changes nothing.
CREATE TABLE collection_events (
    caisse_id     text        NOT NULL,
    event_id      text        COLLATE "C" NOT NULL CHECK (event_id <> ''),
    end_to_end_id text        COLLATE "C" NOT NULL,
    state         text        NOT NULL CHECK (state IN ('pending', 'paid', 'failed', 'refunded')),
    reason_code   text,
    location      text,
    outcome       text        NOT NULL,  -- what applying it did, for the operator
    applied_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, event_id),
    FOREIGN KEY (caisse_id, end_to_end_id) REFERENCES collection_debits (caisse_id, end_to_end_id)
);
