-- Foundation: what the host itself needs before any domain table exists.

-- Key/value state that plugins keep through the host (caisse_host_kv_*): small opaque values
-- (cursors, tokens, last-seen ids), one namespace per caisse and plugin instance.
CREATE TABLE plugin_kv (
    caisse_id  text        NOT NULL,
    instance   text        NOT NULL,
    key        text        NOT NULL,
    value      bytea       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caisse_id, instance, key)
);
