-- The merchants of each caisse (docs/registry.md, merchants.csv): the places its committee
-- accredits (conventionne) or suspends. The list belongs to the caisse, never to the currency
-- operator: it is kept here and pushed to each currency backend (docs/purchases.md).
--
-- Deliberately minimal: the full registry of issue 6 (kind, location, onboarding checklist,
-- criteria grids, committee decisions, accreditation history) adds columns with defaults to
-- registry_merchants and tables of its own keyed by (caisse_id, merchant_id), so nothing here
-- has to move. `accredited` then becomes what the latest committee decision says.

CREATE TABLE registry_merchants (
    caisse_id                text        NOT NULL,
    id                       text        COLLATE "C" NOT NULL CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
    name                     text        NOT NULL CHECK (name <> ''),
    accredited               boolean     NOT NULL,
    -- When `accredited` last took its current value (the first import counts as a change).
    accreditation_changed_at timestamptz NOT NULL DEFAULT now(),
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, id)
);

-- How each currency instance of the caisse knows a merchant: a Cyclos user id, an Up acceptor
-- id, a Kohinos account. One reference per merchant and instance, and one merchant per
-- reference and instance, so that a purchase's merchant_ref names one merchant at most. The
-- uniqueness is checked at commit, so one import may swap two merchants' references.
CREATE TABLE registry_merchant_refs (
    caisse_id   text        NOT NULL,
    merchant_id text        COLLATE "C" NOT NULL,
    instance    text        COLLATE "C" NOT NULL,
    backend_ref text        COLLATE "C" NOT NULL CHECK (backend_ref ~ '^[A-Za-z0-9_./:@+-]{1,100}$'),
    PRIMARY KEY (caisse_id, merchant_id, instance),
    CONSTRAINT registry_merchant_refs_one_merchant_per_ref
        UNIQUE (caisse_id, instance, backend_ref) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (caisse_id, merchant_id) REFERENCES registry_merchants (caisse_id, id)
);
