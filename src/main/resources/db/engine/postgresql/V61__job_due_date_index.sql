-- The job executor's acquisition (application.yaml: job-executor-acquire-by-due-date and
-- ensure-job-due-date-not-null): "due jobs, soonest first, 8 at a time" read from this index instead of
-- the whole job table. Every case keeps several future timers there (next month's talk, reminders,
-- escalations, the term's meetings), so without it each acquisition at a month start scanned all of
-- them to find the few that are due, and the scan grew as the burst went on (docs/PERFORMANCE.md).
create index if not exists cf_ix_job_due_date on ACT_RU_JOB (DUEDATE_);

-- The same acquisition skips a process instance that has a job locked (exclusive jobs of one instance
-- never run at once): "not exists (a job of this instance with LOCK_EXP_TIME_ >= now)". PostgreSQL plans it
-- as one set of the locked jobs' instances per acquisition, and without this index it read the whole job
-- table for that set: 645 ms per acquisition at 315,000 jobs (EXPLAIN ANALYZE, docs/PERFORMANCE.md), 8 ms
-- with it (only the few locked jobs are read). H2 looks the instance's jobs up by ACT_IDX_JOB_PROCINST.
create index if not exists cf_ix_job_lock_exp on ACT_RU_JOB (LOCK_EXP_TIME_);
