package org.careflow.guardianmeeting;

import java.util.Optional;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CaseScopes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A guardian meeting is about its class (and so its school). */
@Component
class MeetingScopes implements CaseScopes {

  private final GuardianMeetingRepository meetings;
  private final SchoolDirectory schools;

  MeetingScopes(GuardianMeetingRepository meetings, SchoolDirectory schools) {
    this.meetings = meetings;
    this.schools = schools;
  }

  @Override
  public String processKey() {
    return GuardianMeetings.PROCESS_KEY;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    if (!org.careflow.shared.BusinessKey.isId(businessKey)) {
      return Optional.empty();
    }
    return meetings.findById(Long.valueOf(businessKey)).map(m -> {
      SchoolClass c = schools.schoolClass(m.getClassId());
      return new Scope(c.getId(), c.getSchool().getId(), null);
    });
  }
}
