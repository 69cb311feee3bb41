-- The language (a BCP 47 tag of a supported language) and IANA time zone a user reads emails and pages in;
-- null means not chosen: English, and UTC.
alter table users add column preferred_language text;
alter table users add column time_zone text;
