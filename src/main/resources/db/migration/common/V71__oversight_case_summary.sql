-- The term's targets without reading every case, child, pairing and record (docs/PERFORMANCE.md). Kept by
-- oversight.OpenWork at the write points: a case's row whenever one of its tasks is created, completed or deleted
-- and when its process ends; a period's counts when a monthly talk or a mentor check-in is recorded.
-- owner: oversight
create table cf_dash_case (
  case_id bigint not null,
  child_id bigint not null,
  class_id bigint not null,
  school_id bigint not null,
  status varchar(20) not null,
  opened_at timestamp(6) with time zone not null,
  registered_at timestamp(6) with time zone,
  paired_at timestamp(6) with time zone,
  closed_at timestamp(6) with time zone,
  verified boolean not null,
  primary key (case_id));
create index cf_dash_case_school on cf_dash_case (school_id, class_id);
create index cf_dash_case_unverified on cf_dash_case (verified, registered_at);
-- per class and period (a month yyyy-MM for talks, a week by its Monday yyyy-MM-dd for check-ins): how many cases
-- have a record for it, and (talks) how many were held within the month
-- owner: oversight
create table cf_dash_period (
  class_id bigint not null,
  school_id bigint not null,
  kind varchar(10) not null,
  period varchar(10) not null,
  with_record bigint not null,
  on_time bigint not null,
  constraint cf_dash_period_pk primary key (class_id, kind, period));
create index cf_dash_period_kind on cf_dash_period (kind, period);
