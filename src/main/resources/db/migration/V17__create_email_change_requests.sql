-- A change of email waiting for the link sent to the new address: one per account, the link's token kept only as
-- a SHA-256 hash (set when the email is sent, replaced when it is sent again).
create table email_change_requests (
    user_id    uuid        primary key references users (id) on delete cascade,
    new_email  citext      not null,
    token_hash bytea       unique,
    expires_at timestamptz not null,
    created_at timestamptz not null
);
