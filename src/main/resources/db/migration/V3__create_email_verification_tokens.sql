-- Only a SHA-256 hash of each token is kept; the token itself exists only in the email.
CREATE TABLE email_verification_tokens
(
  id         UUID        NOT NULL PRIMARY KEY,
  user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash BYTEA       NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  CONSTRAINT email_verification_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX email_verification_tokens_user_idx ON email_verification_tokens (user_id);
