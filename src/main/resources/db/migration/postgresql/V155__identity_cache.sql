-- Issue 20 (speed): the H2 migration of this number gives generated ids a larger cache, because H2 writes
-- its file each time the cache runs out. PostgreSQL logs a sequence's position with the transaction that
-- uses it, so it needs no change; this file keeps the two databases' version numbers in step.
select 1;
