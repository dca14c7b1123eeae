-- The recruiters' listing (GET /api/offers): words found anywhere in title, company or description, in any language.
-- Substring matching over trigrams needs no word splitting, stemming or stop words, so it is right for every
-- language and script alike (a 'simple' text-search configuration would still split words by the server's locale
-- and miss scripts written without spaces). Lower-casing uses PostgreSQL 17's built-in "pg_c_utf8" collation: full
-- Unicode simple case mapping whatever the server's locale, so 'ÉCOLE' finds 'école' on any installation.
create extension if not exists pg_trgm;

create index offer_listing_text on offer using gin (
    lower((title || ' ' || coalesce(company, '') || ' ' || description) collate "pg_c_utf8") gin_trgm_ops);

-- Newest first, and the keyset position of the next page.
create index offer_created_at_id on offer (created_at desc, id desc);
