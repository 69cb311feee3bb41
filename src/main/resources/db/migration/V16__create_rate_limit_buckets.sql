-- Rate limit token buckets shared by every instance (Bucket4j's PostgreSQL layout): the key, the bucket's
-- serialized state, and when (epoch milliseconds) it is full again and may be deleted.
create table rate_limit_buckets (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_buckets_expires_idx on rate_limit_buckets (expires_at);
