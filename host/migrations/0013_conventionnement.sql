-- Conventionnement (docs/conventionnement.md): the full merchant registry, the grid versions a
-- caisse has scored with, the residents' evaluations, the committee's decisions, and the history
-- of the payment gate. Extends 0008_merchants.sql without moving anything: everything that reads
-- registry_merchants.accredited (the push to currency backends, the purchase import, the bonus)
-- keeps reading it, and it now means "may receive the currency": the committee accredits the
-- merchant *and* its onboarding is complete.

-- Identity and onboarding. Existing rows are shops with every onboarding step done: they were
-- payable before this migration and must stay so until the caisse says otherwise. A caisse that
-- does not track onboarding (a merchants.csv without those columns) keeps them done.
ALTER TABLE registry_merchants
    ADD COLUMN kind text NOT NULL DEFAULT 'shop'
        CHECK (kind IN ('shop', 'producer', 'market_stall', 'amap', 'cooperative_grocery',
                        'supermarket')),
    ADD COLUMN location text NOT NULL DEFAULT '',
    ADD COLUMN account_opened boolean NOT NULL DEFAULT true,
    ADD COLUMN documents_received boolean NOT NULL DEFAULT true,
    ADD COLUMN qr_issued boolean NOT NULL DEFAULT true,
    -- What merchants.csv's `accredited` column says. It decides for a merchant without a
    -- committee decision in force; once there is one, the file must agree with it.
    ADD COLUMN listed_accredited boolean;
UPDATE registry_merchants SET listed_accredited = accredited;
ALTER TABLE registry_merchants ALTER COLUMN listed_accredited SET NOT NULL;

CREATE FUNCTION conventionnement_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused (record a new decision or evaluation instead)',
        TG_TABLE_NAME, TG_OP USING ERRCODE = '55000';
END
$$;

-- Each grid version the caisse scored an evaluation with, its text kept as it was read: the
-- grid folder may change or lose the file, an evaluation still scores with what it was made on.
CREATE TABLE accreditation_grid_versions (
    caisse_id  text        NOT NULL,
    grid_id    text        COLLATE "C" NOT NULL,
    version    text        COLLATE "C" NOT NULL,
    digest     text        NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
    adopted_on date        NOT NULL,
    source     text        NOT NULL,  -- the file it was first read from
    grid_text  text        NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, grid_id, version)
);

-- A visit by a duo or trio of residents: the answers, never the score alone. The score columns
-- are a cache for listings; whatever is shown to the committee is recomputed from the answers
-- and the stored grid version, whose digest must still be grid_digest.
CREATE TABLE merchant_evaluations (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caisse_id      text        NOT NULL,
    merchant_id    text        COLLATE "C" NOT NULL,
    grid_id        text        COLLATE "C" NOT NULL,
    grid_version   text        COLLATE "C" NOT NULL,
    grid_digest    text        NOT NULL,
    evaluated_on   date        NOT NULL,
    evaluators     text[]      NOT NULL CHECK (cardinality(evaluators) BETWEEN 2 AND 3),
    comment        text        NOT NULL DEFAULT '',
    source         text        NOT NULL,  -- the file name it came in
    -- SHA-256 of the evaluation's content: recording the same file again is recognised.
    content_digest text        NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('accredited', 'partial', 'refused')),
    points         bigint      NOT NULL,
    max_points     bigint      NOT NULL,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    -- One visit per merchant, day and grid version: the key that makes recording idempotent.
    UNIQUE (caisse_id, merchant_id, grid_id, grid_version, evaluated_on),
    FOREIGN KEY (caisse_id, merchant_id) REFERENCES registry_merchants (caisse_id, id),
    FOREIGN KEY (caisse_id, grid_id, grid_version)
        REFERENCES accreditation_grid_versions (caisse_id, grid_id, version)
);

CREATE TABLE merchant_evaluation_answers (
    evaluation_id bigint NOT NULL REFERENCES merchant_evaluations (id),
    criterion     text   COLLATE "C" NOT NULL,
    score         bigint,  -- NULL: answered "n/a"
    comment       text   NOT NULL DEFAULT '',
    PRIMARY KEY (evaluation_id, criterion)
);

-- The committee's decisions, the source of truth of accreditation. The one in force on a day is
-- the latest by valid_from (then decided_on) among those already started; an `accredit` lets the
-- merchant be paid from valid_from to valid_until included.
CREATE TABLE merchant_decisions (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caisse_id          text        NOT NULL,
    merchant_id        text        COLLATE "C" NOT NULL,
    decision           text        NOT NULL CHECK (decision IN ('accredit', 'refuse', 'suspend')),
    decided_on         date        NOT NULL,
    method             text        NOT NULL CHECK (method IN ('consensus', 'vote')),
    votes_for          integer     CHECK (votes_for >= 0),
    votes_against      integer     CHECK (votes_against >= 0),
    votes_abstain      integer     CHECK (votes_abstain >= 0),
    valid_from         date        NOT NULL,
    valid_until        date        CHECK (valid_until >= valid_from),
    next_evaluation_on date,
    note               text        NOT NULL DEFAULT '',
    recorded_by        text        NOT NULL,
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    -- A vote carries its three counts and was won; a consensus has none.
    CHECK ((method = 'vote') = (votes_for IS NOT NULL AND votes_against IS NOT NULL
                                AND votes_abstain IS NOT NULL)),
    CHECK (method = 'consensus' OR votes_for > votes_against),
    CHECK (method = 'vote' OR (votes_for IS NULL AND votes_against IS NULL
                               AND votes_abstain IS NULL)),
    CHECK (decision <> 'accredit' OR next_evaluation_on IS NOT NULL),
    -- One decision per merchant and meeting day: recording it again is recognised.
    UNIQUE (caisse_id, merchant_id, decided_on),
    FOREIGN KEY (caisse_id, merchant_id) REFERENCES registry_merchants (caisse_id, id)
);
CREATE INDEX merchant_decisions_in_force
    ON merchant_decisions (caisse_id, merchant_id, valid_from DESC, decided_on DESC, id DESC);

CREATE TABLE merchant_decision_evaluations (
    decision_id   bigint NOT NULL REFERENCES merchant_decisions (id),
    evaluation_id bigint NOT NULL REFERENCES merchant_evaluations (id),
    PRIMARY KEY (decision_id, evaluation_id)
);

-- Where each merchant of caisse p_caisse stands on day p_day: the decision in force (NULL when
-- the committee has recorded none that has started), the committee's standing (`accredited`,
-- `expired` past an accreditation's valid_until, `suspended`, `refused`; without a decision,
-- merchants.csv's `accredited` or `not_accredited`), whether onboarding is complete, and the
-- gate: may the merchant receive the currency. The one definition every reader uses.
CREATE FUNCTION merchant_standings(p_caisse text, p_day date)
RETURNS TABLE (merchant_id text, decision_id bigint, standing text, onboarded boolean,
               gate boolean)
LANGUAGE sql STABLE AS $$
SELECT s.id, s.decision_id, s.standing, s.onboarded, s.standing = 'accredited' AND s.onboarded
  FROM (SELECT m.id, d.id AS decision_id,
               CASE WHEN d.id IS NULL THEN
                         CASE WHEN m.listed_accredited THEN 'accredited' ELSE 'not_accredited' END
                    WHEN d.decision = 'accredit' AND coalesce(d.valid_until >= p_day, true)
                         THEN 'accredited'
                    WHEN d.decision = 'accredit' THEN 'expired'
                    WHEN d.decision = 'suspend' THEN 'suspended'
                    ELSE 'refused' END AS standing,
               m.account_opened AND m.documents_received AND m.qr_issued AS onboarded
          FROM registry_merchants m
          LEFT JOIN LATERAL (
                SELECT d.id, d.decision, d.valid_until FROM merchant_decisions d
                 WHERE d.caisse_id = m.caisse_id AND d.merchant_id = m.id
                   AND d.valid_from <= p_day
                 ORDER BY d.valid_from DESC, d.decided_on DESC, d.id DESC LIMIT 1) d ON true
         WHERE m.caisse_id = p_caisse) s
$$;

-- Every value the payment gate (registry_merchants.accredited) took, and why: the first import,
-- a merchants.csv change, a decision, a decision expiring, an onboarding step.
CREATE TABLE merchant_gate_history (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caisse_id   text        NOT NULL,
    merchant_id text        COLLATE "C" NOT NULL,
    accredited  boolean     NOT NULL,
    standing    text        NOT NULL,  -- the committee's side: accredited, suspended, refused...
    onboarded   boolean     NOT NULL,
    decision_id bigint      REFERENCES merchant_decisions (id),
    cause       text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (caisse_id, merchant_id) REFERENCES registry_merchants (caisse_id, id)
);
CREATE INDEX merchant_gate_history_by_merchant
    ON merchant_gate_history (caisse_id, merchant_id, id);

-- The gate as it stood before this migration, so that every merchant's history has a start.
INSERT INTO merchant_gate_history (caisse_id, merchant_id, accredited, standing, onboarded, cause,
                                   changed_at)
SELECT caisse_id, id, accredited, CASE WHEN accredited THEN 'accredited' ELSE 'not_accredited' END,
       true, 'registry', accreditation_changed_at
  FROM registry_merchants;

CREATE TRIGGER accreditation_grid_versions_append_only
    BEFORE UPDATE OR DELETE ON accreditation_grid_versions
    FOR EACH ROW EXECUTE FUNCTION conventionnement_refuse_change();
CREATE TRIGGER merchant_evaluations_append_only BEFORE UPDATE OR DELETE ON merchant_evaluations
    FOR EACH ROW EXECUTE FUNCTION conventionnement_refuse_change();
CREATE TRIGGER merchant_evaluation_answers_append_only
    BEFORE UPDATE OR DELETE ON merchant_evaluation_answers
    FOR EACH ROW EXECUTE FUNCTION conventionnement_refuse_change();
CREATE TRIGGER merchant_decisions_append_only BEFORE UPDATE OR DELETE ON merchant_decisions
    FOR EACH ROW EXECUTE FUNCTION conventionnement_refuse_change();
CREATE TRIGGER merchant_decision_evaluations_append_only
    BEFORE UPDATE OR DELETE ON merchant_decision_evaluations
    FOR EACH ROW EXECUTE FUNCTION conventionnement_refuse_change();
CREATE TRIGGER merchant_gate_history_append_only BEFORE UPDATE OR DELETE ON merchant_gate_history
    FOR EACH ROW EXECUTE FUNCTION conventionnement_refuse_change();
