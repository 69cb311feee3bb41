-- An imported account has no password until its owner sets one (through the link of an invitation or a
-- password reset); it cannot log in before.
alter table users alter column hashed_password drop not null;

-- Where a change came from: 'api' (an HTTP request), 'console' (the admin console, run by os_user) or 'system'
-- (the service itself, e.g. a timed lock running out). Entries written before this column read it as null.
-- Adding columns fires no row trigger: the log stays append-only.
alter table audit_events add column channel text;
alter table audit_events add column os_user text;

-- Single-use links to choose a password: a reset asked for by the owner, or an invitation sent to an imported
-- account. Only the SHA-256 of each token is kept.
create table password_reset_tokens (
    token_hash bytea       primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    expires_at timestamptz not null,
    created_at timestamptz not null
);
create index password_reset_tokens_user_idx on password_reset_tokens (user_id);
