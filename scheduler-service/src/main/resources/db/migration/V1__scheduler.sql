-- The scheduler's compact view of each job: counters per task, edges, and only the instance
-- rows something happened to. One completion touches its task, its instance and its successors.

CREATE TABLE job (
    job_id        text PRIMARY KEY,
    -- false until every JobAccepted part is stored; instance events wait in early_event until then
    known         boolean NOT NULL DEFAULT false,
    part_count    integer,
    priority      integer NOT NULL DEFAULT 0,
    placement     text,
    depend_on     text,
    state         text NOT NULL DEFAULT 'SUBMITTED',
    open_tasks    integer NOT NULL DEFAULT 0,
    first_failed  text,
    terminating   boolean NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE job_part (
    job_id  text NOT NULL REFERENCES job (job_id) ON DELETE CASCADE,
    part    integer NOT NULL,
    PRIMARY KEY (job_id, part)
);

CREATE TABLE task (
    job_id        text NOT NULL REFERENCES job (job_id) ON DELETE CASCADE,
    name          text NOT NULL,
    -- the task's position in the submitted job, so whole-job walks follow the user's order
    ord           bigint NOT NULL,
    state         text NOT NULL,
    instance_num  integer NOT NULL,
    max_attempts  integer NOT NULL,
    pending_preds integer NOT NULL DEFAULT 0,
    succeeded     integer NOT NULL DEFAULT 0,
    failed        integer NOT NULL DEFAULT 0,
    interrupted   integer NOT NULL DEFAULT 0,
    reopened      boolean NOT NULL DEFAULT false,
    -- the full TaskSpec JSON, read only when a TaskReady is published
    spec          text NOT NULL,
    PRIMARY KEY (job_id, name)
);

CREATE TABLE edge (
    job_id  text NOT NULL REFERENCES job (job_id) ON DELETE CASCADE,
    pred    text NOT NULL,
    succ    text NOT NULL,
    PRIMARY KEY (job_id, pred, succ)
);
CREATE INDEX edge_by_successor ON edge (job_id, succ);

CREATE TABLE instance (
    job_id        text NOT NULL REFERENCES job (job_id) ON DELETE CASCADE,
    task          text NOT NULL,
    idx           integer NOT NULL,
    attempt       integer NOT NULL,
    base_attempt  integer NOT NULL,
    state         text NOT NULL,
    PRIMARY KEY (job_id, task, idx)
);

-- Instance events (and commands) that arrived before their job was completely known.
CREATE TABLE early_event (
    seq      bigserial PRIMARY KEY,
    job_id   text NOT NULL,
    payload  text NOT NULL
);
CREATE INDEX early_event_by_job ON early_event (job_id, seq);

-- Events decided in the same transaction as the state they follow from; the relay publishes
-- them in id order per bucket (a bucket is a fixed hash of the jobId) and deletes them on ack.
CREATE TABLE outbox (
    id       bigserial PRIMARY KEY,
    job_id   text NOT NULL,
    bucket   integer NOT NULL,
    topic    text NOT NULL,
    payload  text NOT NULL
);
