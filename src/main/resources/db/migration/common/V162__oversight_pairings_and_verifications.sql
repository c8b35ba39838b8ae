-- The mentor assignments and the visits that verified an archive, as oversight's case summary reads them
-- (cf_dash_case.paired_at is a case's first assignment, verified whether it has a verification): kept by
-- oversight from pairing's event MentorAssigned and talk's ArchiveVerified in their transactions, filled from
-- MentorPairing.allAssignments() and HomeVisits.verifications() at the summary's rebuild.
-- owner: oversight
create table cf_dash_pairing (
  pairing_id bigint not null,
  case_id bigint not null,
  paired_at timestamp(6) with time zone not null,
  primary key (pairing_id));
create index cf_dash_pairing_case on cf_dash_pairing (case_id, paired_at);
-- owner: oversight
create table cf_dash_verified (
  visit_id bigint not null,
  case_id bigint not null,
  primary key (visit_id));
create index cf_dash_verified_case on cf_dash_verified (case_id);
