-- Staff sign-in throttle (ADR 0013): failures counted atomically before the password check, per key. A key is a
-- SHA-256 of the scope's parts (username and client address, address alone, username alone), so an unknown username
-- is throttled exactly like a real one and no address is kept in clear.
CREATE TABLE sign_in_throttle (
    scope         text        NOT NULL CHECK (scope IN ('PAIR', 'ADDRESS', 'ACCOUNT')),
    key_hash      bytea       NOT NULL,
    -- the username's ACCOUNT key, on PAIR and ACCOUNT rows: a new password set by an admin clears them
    account_key   bytea,
    -- PAIR: failures in a row (an attempt counts as one until it succeeds); ADDRESS, ACCOUNT: failures in the window
    failures      integer     NOT NULL,
    window_start  timestamptz NOT NULL,
    blocked_until timestamptz,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (scope, key_hash)
);
CREATE INDEX sign_in_throttle_updated ON sign_in_throttle (updated_at);
CREATE INDEX sign_in_throttle_account ON sign_in_throttle (account_key);

-- Refresh-token families (RFC 9700 reuse detection): every token of one sign-in shares its family; a token traded a
-- second time revokes the family, the thief's and the owner's successors alike.
ALTER TABLE refresh_token
    ADD COLUMN family_id uuid,
    ADD COLUMN rotated_at timestamptz;
UPDATE refresh_token SET family_id = gen_random_uuid() WHERE family_id IS NULL;
ALTER TABLE refresh_token ALTER COLUMN family_id SET NOT NULL;
CREATE INDEX refresh_token_family ON refresh_token (family_id) WHERE revoked_at IS NULL;

-- The account-wide lock is gone (a stranger could hold it): sign_in_throttle replaces failed_logins and locked_until.
UPDATE staff SET failed_logins = 0, locked_until = NULL;
