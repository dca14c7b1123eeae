-- The durable indexing queue: one task per offer whose vector index entry must change (upsert or delete). A write
-- commits its offers and their tasks in one transaction; workers on any replica claim tasks with
-- FOR UPDATE SKIP LOCKED and a lease, and remove a task only once Qdrant has acknowledged that very version.
create sequence index_task_version;

create table index_task (
    -- One row per offer: a newer write of the same offer replaces the action and the version (coalescing).
    offer_id        uuid          primary key,
    action          varchar(6)    not null,
    -- Bumped by every write of the offer: a worker removes the task only if the version it indexed is still the
    -- latest, so a change made while it was indexing keeps the task for the newer version.
    version         bigint        not null default nextval('index_task_version'),
    state           varchar(7)    not null default 'PENDING',
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    last_error      varchar(1000),
    -- When the oldest change still waiting was written: the index's lag behind PostgreSQL.
    enqueued_at     timestamptz   not null default now(),
    -- The worker pool holding the task, until leased_until; a lease past its time is free to claim again.
    lease_owner     uuid,
    leased_until    timestamptz,
    constraint index_task_action check (action in ('UPSERT', 'DELETE')),
    constraint index_task_state check (state in ('PENDING', 'FAILED'))
);

create index index_task_due on index_task (next_attempt_at, version) where state = 'PENDING';

-- Offers the former index_pending flag held back become tasks; the flag goes.
insert into index_task (offer_id, action, enqueued_at)
select id, 'UPSERT', updated_at from offer where index_pending;

drop index offer_index_pending;
alter table offer drop column index_pending;
