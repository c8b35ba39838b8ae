-- Accounts made by careflow with an initial password (issue 13): changed at the first page login. The
-- engine's password hash at creation is kept, so a password set elsewhere (Camunda Admin, the engine's
-- REST API) voids the flag at once.
create table cf_account (user_id varchar(64) not null, must_change_password boolean not null, initial_password_hash varchar(255), created_by varchar(64) not null, created_at timestamp(6) with time zone not null, primary key (user_id));
