-- The risk assessments and support plans as oversight's targets count them (children at risk at a term's end,
-- with and without a plan running): kept by oversight from support's events RiskAssessed and SupportPlanChanged
-- in their transactions, filled from SupportPlans.eachAssessment()/allPlans() at the summary's rebuild.
-- owner: oversight
create table cf_dash_risk (
  assessment_id bigint not null,
  case_id bigint not null,
  risk_level varchar(10) not null,
  assessed_at timestamp(6) with time zone not null,
  primary key (assessment_id));
create index cf_dash_risk_case on cf_dash_risk (case_id, assessed_at);
create index cf_dash_risk_assessed on cf_dash_risk (assessed_at, case_id);
-- owner: oversight
create table cf_dash_plan (
  plan_id bigint not null,
  case_id bigint not null,
  opened_at timestamp(6) with time zone not null,
  closed_at timestamp(6) with time zone,
  primary key (plan_id));
create index cf_dash_plan_case on cf_dash_plan (case_id, opened_at);
-- the case summary keeps why a case closed (the retention counts those dropped out); emptied, so the start
-- check finds it out of step and rebuilds it with the reason
alter table cf_dash_case add column close_reason varchar(30);
delete from cf_dash_case;
