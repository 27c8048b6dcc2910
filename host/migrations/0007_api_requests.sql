-- POSTs of the admin API carried out once per Idempotency-Key (host/src/daemon/idempotency.cpp).
-- A key belongs to the token that sent it; `fingerprint` is the method, the path and a digest of
-- the body, so that a key reused for another request is refused instead of answered wrongly.
-- While `status` is NULL the request is being carried out.

CREATE TABLE api_requests (
    principal    text        NOT NULL,
    key          text        NOT NULL CHECK (key ~ '^[\x21-\x7e]{1,128}$'),
    fingerprint  text        NOT NULL,
    status       integer     CHECK (status BETWEEN 100 AND 599),
    content_type text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    answered_at  timestamptz,
    PRIMARY KEY (principal, key)
);
