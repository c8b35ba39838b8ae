-- The job executor's acquisition (application.yaml: job-executor-acquire-by-due-date and
-- ensure-job-due-date-not-null): "due jobs, soonest first, 8 at a time" read from this index instead of
-- the whole job table. Every case keeps several future timers there (next month's talk, reminders,
-- escalations, the term's meetings), so without it each acquisition at a month start scanned all of
-- them to find the few that are due, and the scan grew as the burst went on (docs/PERFORMANCE.md).
create index if not exists cf_ix_job_due_date on ACT_RU_JOB (DUEDATE_);
