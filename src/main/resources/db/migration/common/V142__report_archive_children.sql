-- Which children each archived file holds (issue 18, item 3): anonymising a child regenerates the stored
-- files that name them, and says when.
-- owner: reports
create table cf_report_archive_child (
  archive_id bigint not null references cf_report_archive (id),
  child_id bigint not null,
  primary key (archive_id, child_id)
);
create index cf_report_archive_child_child on cf_report_archive_child (child_id);
alter table cf_report_archive add column regenerated_at timestamp(6) with time zone;
