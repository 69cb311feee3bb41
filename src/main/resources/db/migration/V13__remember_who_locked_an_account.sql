-- A lock set by an administrator stays until an administrator lifts it; a lockout after failed logins also ends
-- when the owner proves the mailbox with a password reset link.
alter table users add column locked_by_administrator boolean not null default false;
