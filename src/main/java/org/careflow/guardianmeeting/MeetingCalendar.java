package org.careflow.guardianmeeting;

import java.time.LocalDate;
import java.util.Date;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Due dates and the class teacher of a guardian meeting's tasks (BPMN: {@code ${meetingCalendar.planDue(execution)}}:
 * the meeting is the instance's business key, not a variable).
 */
@Component("meetingCalendar")
@Transactional(readOnly = true)
public class MeetingCalendar {

  private final GuardianMeetingRepository meetings;
  private final TermCalendar calendar;
  private final CareClock clock;
  private final org.careflow.school.ClassRoles classRoles;

  MeetingCalendar(GuardianMeetingRepository meetings, TermCalendar calendar, CareClock clock, org.careflow.school.ClassRoles classRoles) {
    this.classRoles = classRoles;
    this.meetings = meetings;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Planned by the meeting week the coordinator chose for the term (the Monday of that week; the term's
   * fourth week unless chosen otherwise). A meeting started after that day is planned within two weeks;
   * never after the term's end.
   */
  public Date planDue(Object meetingId) {
    Term term = calendar.term(meeting(meetingId).getTermId());
    LocalDate due = TermCalendar.meetingWeekStart(term);
    if (due.isBefore(clock.today())) {
      due = clock.today().plusDays(14);
    }
    return clock.endOf(due.isAfter(term.getEndDate()) ? term.getEndDate() : due);
  }

  /** Guardians are told at least three days before the meeting (or at once when it is sooner). */
  public Date invitationsDue(Object meetingId) {
    LocalDate day = meeting(meetingId).getMeetingDate().minusDays(3);
    return clock.endOf(day.isBefore(clock.today()) ? clock.today() : day);
  }

  /** The class teacher of the meeting's class, read when the task is created. */
  public String classTeacherOf(Object meetingId) {
    return classRoles.classTeacherOf(meeting(meetingId).getClassId());
  }

  public Date meetingDay(Object meetingId) {
    return clock.endOf(meeting(meetingId).getMeetingDate());
  }

  private GuardianMeeting meeting(Object id) {
    long meetingId = org.careflow.shared.BusinessKey.id(id); // the execution (its business key is the meeting) or the id
    return meetings.findById(meetingId).orElseThrow(() -> new IllegalStateException("no meeting " + meetingId));
  }
}
