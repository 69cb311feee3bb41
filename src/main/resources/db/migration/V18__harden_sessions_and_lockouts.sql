-- Ended sessions are polled by every instance (EndedSessions) so that their access tokens stop working within
-- UMS_REVOCATION_LAG, and purged once expired or ended long enough ago.
create index sessions_revoked_idx on sessions (revoked_at) where revoked_at is not null;
create index sessions_expires_idx on sessions (expires_at);

-- A lockout after failed logins lasts longer each time it happens again without a successful login in between.
alter table users add column lockout_count integer not null default 0;
