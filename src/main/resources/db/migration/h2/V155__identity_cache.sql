-- Issue 20 (speed): H2 hands out a table's generated ids from a cache of 32 and, each time the cache runs
-- out, writes the sequence's new position in a commit of its own, to the file (WRITE_DELAY=0). A roster
-- import writes four rows with generated ids per child (child, archive history, audit entry, case), so H2
-- wrote to the file every eight children: a tenth of an import's time in a profile (docs/PERFORMANCE.md).
-- With a cache of 1,000 those writes are 30 times fewer. A crash may leave a gap of up to 1,000 in a
-- table's ids, which nothing reads (ids are never shown as counts). PostgreSQL has no such cost.
alter table cf_child alter column id set cache 1000;
alter table cf_case alter column id set cache 1000;
alter table cf_archive_change alter column id set cache 1000;
alter table cf_audit alter column id set cache 1000;
alter table cf_home_visit alter column id set cache 1000;
alter table cf_monthly_talk alter column id set cache 1000;
alter table cf_mentor_check_in alter column id set cache 1000;
alter table cf_missed_check_in alter column id set cache 1000;
alter table cf_risk_assessment alter column id set cache 1000;
alter table cf_family_call alter column id set cache 1000;
alter table cf_family_record alter column id set cache 1000;
alter table cf_reminder alter column id set cache 1000;
alter table cf_rem_message alter column id set cache 1000;
alter table cf_task_comment alter column id set cache 1000;
