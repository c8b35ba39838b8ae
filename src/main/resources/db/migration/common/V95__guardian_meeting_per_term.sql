-- Issue 13: a guardian meeting per class and term without the demo.
-- The week of the term the coordinator chose for the guardian meetings (家长会); the planning task is due in it.
alter table cf_term add column meeting_week integer default 4 not null;
-- A class may have a second meeting in a term, on purpose and with a reason: the term's own meeting has
-- ordinal 1 (unique per class and term, which keeps "exactly one" when several cases start at once); each
-- extra one the next number.
alter table cf_guardian_meeting drop constraint cf_guardian_meeting_class_id_term_id_key;
alter table cf_guardian_meeting add column ordinal integer default 1 not null;
alter table cf_guardian_meeting add column reason varchar(300);
alter table cf_guardian_meeting add column started_by varchar(64);
alter table cf_guardian_meeting add column started_at timestamp(6) with time zone;
alter table cf_guardian_meeting add constraint uq_guardian_meeting_term unique (class_id, term_id, ordinal);
