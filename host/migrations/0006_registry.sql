-- The registry of each caisse (docs/registry.md): households, their members, contribution
-- commitments with their history, funders, and the receipts posted to the ledger. Every row
-- carries its caisse_id and every key and reference includes it, so nothing crosses from one
-- caisse to another. Identifiers sort bytewise (COLLATE "C") so that the cycle's batches come in
-- the same order whatever the server's locale.

CREATE TABLE registry_households (
    caisse_id  text        NOT NULL,
    id         text        COLLATE "C" NOT NULL CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
    adults     integer     NOT NULL CHECK (adults >= 1),
    children   integer     NOT NULL CHECK (children >= 0),
    joined_via text        NOT NULL
        CHECK (joined_via IN ('self', 'association', 'ccas', 'social_service', 'lottery', 'other')),
    joined_on  date        NOT NULL,
    left_on    date,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, id),
    CHECK (left_on IS NULL OR left_on >= joined_on)
);

-- Members hold personal data (name, email, IBAN): never logged, exported only on request.
CREATE TABLE registry_members (
    caisse_id    text        NOT NULL,
    id           text        COLLATE "C" NOT NULL CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
    household_id text        COLLATE "C" NOT NULL,
    name         text        NOT NULL CHECK (name <> ''),
    email        text,
    iban         text        CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, id),
    FOREIGN KEY (caisse_id, household_id) REFERENCES registry_households (caisse_id, id)
);
CREATE INDEX registry_members_by_household ON registry_members (caisse_id, household_id);

-- Contribution commitments: one version per household and starting month, never overwritten;
-- the version in force for a month is the latest whose from_month is not after it.
CREATE TABLE registry_contributions (
    caisse_id      text        NOT NULL,
    household_id   text        COLLATE "C" NOT NULL,
    from_month     text        COLLATE "C" NOT NULL
        CHECK (from_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    amount_minor   bigint      NOT NULL CHECK (amount_minor >= 0),  -- EUR cents per month
    method         text        NOT NULL CHECK (method IN ('card', 'sepa_debit', 'transfer', 'cash')),
    lock_in_months integer     NOT NULL CHECK (lock_in_months >= 0),
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, household_id, from_month),
    FOREIGN KEY (caisse_id, household_id) REFERENCES registry_households (caisse_id, id)
);

CREATE TABLE registry_funders (
    caisse_id     text        NOT NULL,
    id            text        COLLATE "C" NOT NULL CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
    name          text        NOT NULL CHECK (name <> ''),
    kind          text        NOT NULL CHECK (kind IN ('public', 'private', 'foundation', 'other')),
    earmark       text        NOT NULL CHECK (earmark IN ('allocations', 'operations')),
    pledged_minor bigint      CHECK (pledged_minor >= 0),  -- EUR cents, NULL when none
    note          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, id)
);

-- Money received, each posted once to the ledger under the key "receipt/<reference>".
CREATE TABLE registry_receipts (
    caisse_id    text        NOT NULL,
    reference    text        COLLATE "C" NOT NULL CHECK (reference ~ '^[A-Za-z0-9_./:-]{1,100}$'),
    received_on  date        NOT NULL,
    source       text        NOT NULL CHECK (source IN ('contribution', 'grant')),
    household_id text        COLLATE "C",
    funder_id    text        COLLATE "C",
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),  -- EUR cents
    entry_id     bigint      NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, reference),
    CHECK ((source = 'contribution' AND household_id IS NOT NULL AND funder_id IS NULL) OR
           (source = 'grant' AND funder_id IS NOT NULL AND household_id IS NULL)),
    FOREIGN KEY (caisse_id, household_id) REFERENCES registry_households (caisse_id, id),
    FOREIGN KEY (caisse_id, funder_id) REFERENCES registry_funders (caisse_id, id),
    FOREIGN KEY (entry_id, caisse_id) REFERENCES ledger_entries (id, caisse_id)
);
