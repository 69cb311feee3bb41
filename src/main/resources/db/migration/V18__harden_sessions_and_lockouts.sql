-- Ended sessions are polled by every instance (EndedSessions) so that their access tokens stop working within
-- UMS_REVOCATION_LAG, and purged once expired or ended long enough ago.
create index sessions_revoked_idx on sessions (revoked_at) where revoked_at is not null;
create index sessions_expires_idx on sessions (expires_at);

-- A lockout after failed logins lasts longer each time it happens again without a successful login in between.
alter table users add column lockout_count integer not null default 0;

-- Lockouts after failed logins used to last until an administrator unlocked them (UMS_LOCKOUT_DURATION unset): they
-- end now, and the next lockout lasts its minute. An administrator's lock never ends by itself, also where it was set
-- over a timed lockout.
update users set locked_until = now() where is_locked and not locked_by_administrator and locked_until is null;
update users set locked_until = null where is_locked and locked_by_administrator and locked_until is not null;
