-- The picture module's record of each user's current picture; its objects live in the object storage under
-- pictures/<user_id>/. No foreign key to users: the module forgets a deleted account's pictures when it hears
-- of the deletion, and needs the row until then.
create table profile_pictures (
    id             uuid primary key,
    user_id        uuid        not null unique,
    content_type   text        not null,
    file_extension text        not null,
    created_at     timestamptz not null
);
