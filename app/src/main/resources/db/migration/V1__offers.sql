-- The system of record. Vectors in Qdrant are derived from these rows and can always be rebuilt from them.
create table offer (
    id               uuid primary key,
    source           varchar(64)   not null,
    external_id      varchar(200)  not null,
    title            varchar(300)  not null,
    description      text          not null,
    language         varchar(2)    not null,
    country          varchar(2),
    city             varchar(120),
    company          varchar(200),
    employment_type  varchar(16),
    remote           boolean,
    salary_min       numeric(14, 2),
    salary_max       numeric(14, 2),
    salary_currency  varchar(3),
    salary_period    varchar(8),
    date_posted      date,
    valid_through    date,
    url              varchar(2000),
    status           varchar(8)    not null default 'OPEN',
    -- true until the current version of the row is in the vector index; a background task retries these.
    index_pending    boolean       not null default true,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    constraint offer_source_external_id unique (source, external_id),
    constraint offer_status check (status in ('OPEN', 'CLOSED'))
);

create index offer_language_status_country on offer (language, status, country);
create index offer_index_pending on offer (updated_at) where index_pending;
