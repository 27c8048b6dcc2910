-- Research exports (docs/research-exports.md): the secret each caisse's household pseudonyms
-- are computed with, HMAC-SHA256(secret, export_key 0x1F household_id). Drawn at random on the
-- first export and never changed, so one export key gives the same pseudonyms across exports
-- and restarts; it never leaves the database, so nobody outside it can reverse a pseudonym.
-- Dropping a caisse's row makes every pseudonym handed out so far unlinkable to new ones.

CREATE TABLE research_secrets (
    caisse_id  text        PRIMARY KEY,
    secret     bytea       NOT NULL CHECK (octet_length(secret) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
