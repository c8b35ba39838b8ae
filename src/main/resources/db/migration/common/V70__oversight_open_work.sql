-- The dashboard's figures without scanning the engine's task table (docs/PERFORMANCE.md, "The oversight dashboard").
-- cf_dash_task: each open task of a process that has a due date, with the class and school it belongs to (from the
-- case's child or the guardian meeting), kept by oversight.OpenWork from the engine's task events.
-- owner: oversight
create table cf_dash_task (
  task_id varchar(64) not null,
  case_id bigint,
  child_id bigint,
  class_id bigint not null,
  school_id bigint not null,
  task_key varchar(255) not null,
  assignee varchar(255) not null,
  due_date timestamp(6) with time zone not null,
  primary key (task_id));
create index cf_dash_task_case on cf_dash_task (case_id);
create index cf_dash_task_class on cf_dash_task (class_id, due_date);
create index cf_dash_task_assignee on cf_dash_task (assignee, due_date);
create index cf_dash_task_key on cf_dash_task (task_key, due_date);
-- cf_dash_open_work: how many of those tasks share a class, assignee, task and due instant. Due dates fall at the end
-- of a school day, so a class has a few dozen rows; every count of the dashboard is a sum over these rows.
-- owner: oversight
create table cf_dash_open_work (
  class_id bigint not null,
  school_id bigint not null,
  assignee varchar(255) not null,
  task_key varchar(255) not null,
  due_date timestamp(6) with time zone not null,
  task_name varchar(255),
  tasks bigint not null,
  constraint cf_dash_open_work_pk primary key (class_id, assignee, task_key, due_date));
create index cf_dash_open_work_school on cf_dash_open_work (school_id, due_date);
