-- Wrong passwords counted per user name ('user:<name>') and per client address ('addr:<address>'), shared by
-- every node on the database (identity.LoginThrottle). A row is a subject's current window and, once its
-- limit is reached, the time its lock ends; rows whose window and lock are over are deleted.
-- owner: identity
create table cf_login_failure (
  subject varchar(200) not null,
  failures integer not null,
  window_start timestamp(6) with time zone not null,
  locked_until timestamp(6) with time zone,
  primary key (subject));
