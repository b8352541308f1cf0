-- The job store and read model of job-service. Tables carry no foreign keys: a job's rows are
-- written and deleted together by one transaction, and FK checks would cost a lookup per row on
-- jobs of tens of thousands of instances.

-- One accepted job. submitted holds the SubmitJob document with defaults filled in and secrets
-- masked, as DescribeJobSubmitInfo returns it.
create table job (
    id                varchar(12) primary key,
    name              text        not null,
    description       text,
    priority          int         not null,
    state             varchar(24) not null,
    state_reason      text,
    client_token      varchar(64) unique,
    -- Kafka submissions without a ClientToken are deduplicated by their topic/partition/offset.
    source_ref        text        unique,
    request_hash      char(64)    not null,
    placement         jsonb,
    tags              jsonb       not null default '[]',
    task_count        int         not null,
    dependence_count  int         not null,
    submitted         jsonb       not null,
    create_time       timestamptz not null,
    end_time          timestamptz
);

-- DescribeJobs order: newest first, ties broken by id; an immutable key, so paging is stable.
create index job_listing on job (create_time desc, id);
create index job_by_name on job (name);
create index job_by_state on job (state);
create index job_by_tags on job using gin (tags jsonb_path_ops);

create table task (
    job_id          varchar(12) not null,
    name            text        not null,
    position        int         not null,
    state           varchar(24) not null,
    state_reason    text,
    instance_num    int         not null,
    max_retry_count int         not null,
    depend_on       varchar(40) not null,
    create_time     timestamptz not null,
    start_time      timestamptz,
    end_time        timestamptz,
    primary key (job_id, name)
);

create table dependence (
    job_id     varchar(12) not null,
    position   int         not null,
    start_task text        not null,
    end_task   text        not null,
    primary key (job_id, position)
);

-- One row per instance index; attempts is the highest attempt seen (0 = never ran).
create table instance (
    job_id       varchar(12) not null,
    task_name    text        not null,
    idx          int         not null,
    state        varchar(24) not null,
    attempts     int         not null default 0,
    exit_code    int,
    state_reason text,
    start_time   timestamptz,
    end_time     timestamptz,
    primary key (job_id, task_name, idx)
);

-- Archived stdout/stderr objects, one per attempt and stream.
create table archived_log (
    job_id    varchar(12) not null,
    task_name text        not null,
    idx       int         not null,
    attempt   int         not null,
    stream    varchar(6)  not null,
    uri       text        not null,
    size      bigint      not null,
    sha256    varchar(64),
    primary key (job_id, task_name, idx, attempt, stream)
);

-- Events caused by a committed change, relayed to Kafka in id order and deleted once acked.
create table outbox (
    id         bigserial   primary key,
    topic      text        not null,
    record_key text,
    payload    text        not null,
    created_at timestamptz not null default now()
);
