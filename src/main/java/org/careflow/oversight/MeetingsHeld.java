package org.careflow.oversight;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.careflow.guardianmeeting.GuardianMeetingHeld;
import org.careflow.guardianmeeting.GuardianMeetings;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Oversight's own copy of the guardian meetings held ({@code cf_dash_meeting}: meeting, class, school, when),
 * which the targets count (meetings held in a term, classes with active cases that held none). Kept from
 * guardianmeeting's {@link GuardianMeetingHeld}, in the recording transaction; filled afresh from
 * {@code GuardianMeetings.heldMeetings()} when the summary is rebuilt ({@link OpenWorkRebuild}).
 */
@Component
class MeetingsHeld {

  private final JdbcTemplate jdbc;
  private final SchoolDirectory schools;
  /** Lazily: guardianmeeting uses the engine, whose plugin {@link OpenWork} reaches this bean. */
  private final org.springframework.beans.factory.ObjectProvider<GuardianMeetings> meetings;

  MeetingsHeld(JdbcTemplate jdbc, SchoolDirectory schools, org.springframework.beans.factory.ObjectProvider<GuardianMeetings> meetings) {
    this.jdbc = jdbc;
    this.schools = schools;
    this.meetings = meetings;
  }

  @EventListener
  void held(GuardianMeetingHeld m) {
    long school = schools.schoolClass(m.classId()).getSchool().getId();
    jdbc.update("DELETE FROM cf_dash_meeting WHERE meeting_id = ?", m.meetingId());
    jdbc.update("INSERT INTO cf_dash_meeting (meeting_id, class_id, school_id, held_at) VALUES (?, ?, ?, ?)", m.meetingId(), m.classId(), school,
        Timestamp.from(m.heldAt()));
  }

  /** Every meeting held, afresh (in the rebuild's transaction). */
  void rebuild() {
    jdbc.update("DELETE FROM cf_dash_meeting");
    List<GuardianMeetingHeld> held = meetings.getObject().heldMeetings();
    Map<Long, SchoolClass> classes = schools.classesById(held.stream().map(GuardianMeetingHeld::classId).distinct().toList());
    List<Object[]> rows = new ArrayList<>();
    for (GuardianMeetingHeld m : held) {
      SchoolClass c = classes.get(m.classId());
      if (c != null) {
        rows.add(new Object[] {m.meetingId(), m.classId(), c.getSchool().getId(), Timestamp.from(m.heldAt())});
      }
    }
    jdbc.batchUpdate("INSERT INTO cf_dash_meeting (meeting_id, class_id, school_id, held_at) VALUES (?, ?, ?, ?)", rows);
  }

  /** Whether the copy holds as many meetings as have been held. */
  boolean inStep() {
    return Objects.equals(meetings.getObject().heldCount(), jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_meeting", Long.class));
  }
}
