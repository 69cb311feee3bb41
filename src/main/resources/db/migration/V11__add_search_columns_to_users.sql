-- Directory search (docs/directory-search-notes.md): case- and accent-insensitive substring matching on
-- nickname, email, first and last name. The text is stored, so no row is unaccented at query time, and served
-- by trigram indexes: search_text for terms of three or more characters, search_tripled (every character
-- written three times) for one- and two-character terms, which plain trigrams cannot serve.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create function ums_search_text(nickname text, email text, first_name text, last_name text)
    returns text language sql immutable parallel safe as
$$
select lower(public.unaccent('public.unaccent'::regdictionary,
    coalesce(nickname, '') || ' ' || coalesce(email, '') || ' ' || coalesce(first_name, '') || ' '
        || coalesce(last_name, '')))
$$;

alter table users
    add column search_text    text generated always as
        (ums_search_text(nickname::text, email::text, first_name, last_name)) stored,
    add column search_tripled text generated always as
        (regexp_replace(ums_search_text(nickname::text, email::text, first_name, last_name), '(.)', '\1\1\1', 'g'))
        stored;

create index users_search_text_trgm_idx on users using gin (search_text gin_trgm_ops);
create index users_search_tripled_trgm_idx on users using gin (search_tripled gin_trgm_ops);
-- Sorting by the last login, with the stable tiebreak on id.
create index users_last_login_at_id_idx on users (last_login_at, id);
