-- The guardian meetings held, as oversight's targets count them (meetings held in a term, classes that held
-- none): kept by oversight from guardianmeeting's event GuardianMeetingHeld in the meeting's transaction, and
-- filled from GuardianMeetings.heldMeetings() at the summary's rebuild (a first start after this migration).
-- owner: oversight
create table cf_dash_meeting (
  meeting_id bigint not null,
  class_id bigint not null,
  school_id bigint not null,
  held_at timestamp(6) with time zone not null,
  primary key (meeting_id));
create index cf_dash_meeting_held on cf_dash_meeting (held_at, school_id, class_id);
create index cf_dash_meeting_class on cf_dash_meeting (class_id, held_at);
