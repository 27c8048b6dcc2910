-- Payments households made to merchants, as the caisse's currency backends list them
-- (caisse_on_currency_list_purchases), kept for evaluation and the accreditation check
-- (docs/purchases.md). Each backend payment is stored once: its external_ref is unique per
-- caisse and currency instance, so importing a period again adds nothing.

CREATE TABLE purchases (
    caisse_id           text        NOT NULL,
    instance            text        COLLATE "C" NOT NULL,  -- the currency instance that listed it
    external_ref        text        COLLATE "C" NOT NULL CHECK (external_ref <> ''),
    -- The paying household as the backend names it; NULL when the payer is not a household of
    -- the caisse. Not a foreign key: the backend's word is recorded as it came.
    household_id        text        COLLATE "C",
    merchant_ref        text        COLLATE "C" NOT NULL CHECK (merchant_ref <> ''),
    -- The merchant merchant_ref resolved to through registry_merchant_refs; NULL when unknown.
    merchant_id         text        COLLATE "C",
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    currency            text        NOT NULL,
    paid_at             timestamptz NOT NULL,
    imported_at         timestamptz NOT NULL DEFAULT now(),
    -- Whether merchant_id was accredited when the purchase was imported (or resolved); false
    -- for an unknown merchant. The report flags every purchase where this is false.
    merchant_accredited boolean     NOT NULL,
    PRIMARY KEY (caisse_id, instance, external_ref),
    FOREIGN KEY (caisse_id, merchant_id) REFERENCES registry_merchants (caisse_id, id),
    CHECK (merchant_id IS NOT NULL OR NOT merchant_accredited)
);

CREATE INDEX purchases_by_paid_at ON purchases (caisse_id, paid_at);
CREATE INDEX purchases_unresolved ON purchases (caisse_id, instance, merchant_ref)
    WHERE merchant_id IS NULL;
