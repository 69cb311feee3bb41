-- Who did what to whom. Append-only: the trigger refuses every UPDATE, DELETE and TRUNCATE, except the
-- deletions of the retention job, which marks its own transaction (SET LOCAL ums.audit_retention = 'on').
create table audit_events (
    id          uuid primary key,
    occurred_at timestamptz not null,
    action      text        not null,
    actor_id    uuid,
    actor_role  text,
    target_id   uuid,
    details     jsonb       not null default '{}',
    client_ip   text,
    user_agent  text,
    request_id  text
);
create index audit_events_occurred_at_idx on audit_events (occurred_at desc, id desc);
create index audit_events_actor_idx on audit_events (actor_id, occurred_at desc);
create index audit_events_target_idx on audit_events (target_id, occurred_at desc);
create index audit_events_action_idx on audit_events (action, occurred_at desc);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('ums.audit_retention', true) = 'on' then
        return old;
    end if;
    raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_append_only();
