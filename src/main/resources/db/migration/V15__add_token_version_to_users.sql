-- Access tokens carry the version of their account at issue; locking, a role change, a new password, logging out
-- everywhere raise it, and tokens of an older version are refused (within UMS_REVOCATION_LAG on every instance).
alter table users add column token_version bigint not null default 0;
