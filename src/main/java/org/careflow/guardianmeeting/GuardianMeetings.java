package org.careflow.guardianmeeting;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts a class's guardian meeting for the term: the one place outside delegates that starts `guardian-meeting`. */
@Service
public class GuardianMeetings {

  public static final String PROCESS_KEY = "guardian-meeting";

  private final GuardianMeetingRepository meetings;
  private final SchoolDirectory schools;
  private final TermCalendar calendar;
  private final RuntimeService runtime;
  private final CareClock clock;

  public GuardianMeetings(GuardianMeetingRepository meetings, SchoolDirectory schools, TermCalendar calendar,
      RuntimeService runtime, CareClock clock) {
    this.meetings = meetings;
    this.schools = schools;
    this.calendar = calendar;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Returns the meeting id. One meeting per class per term: a second start is refused. */
  @Transactional
  public long startForClass(long classId) {
    SchoolClass c = schools.schoolClass(classId);
    Term term = calendar.termOn(c.getSchool().getId(), clock.today());
    if (meetings.findByClassIdAndTermId(classId, term.getId()).isPresent()) {
      throw InvalidInputException.of("classId", "validation.meetingExists");
    }
    GuardianMeeting m = meetings.save(new GuardianMeeting(classId, term.getId()));
    runtime.startProcessInstanceByKey(PROCESS_KEY, m.getId().toString(), Map.of("meetingId", m.getId(), "classId", classId));
    return m.getId();
  }
}
