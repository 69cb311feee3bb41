-- A session is one login: the family of refresh tokens that rotate from it. Only SHA-256 hashes of refresh tokens
-- are kept. A spent token presented again means it was copied: its whole session is revoked.
create table sessions (
    id             uuid        primary key,
    user_id        uuid        not null references users (id) on delete cascade,
    created_at     timestamptz not null,
    last_used_at   timestamptz not null,
    expires_at     timestamptz not null,
    client_ip      text,
    user_agent     text,
    revoked_at     timestamptz,
    revoked_reason text
);
create index sessions_user_idx on sessions (user_id, created_at desc);

create table refresh_tokens (
    token_hash bytea       primary key,
    session_id uuid        not null references sessions (id) on delete cascade,
    created_at timestamptz not null,
    spent_at   timestamptz
);
create index refresh_tokens_session_idx on refresh_tokens (session_id);
