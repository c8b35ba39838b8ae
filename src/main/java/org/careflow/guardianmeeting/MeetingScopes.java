package org.careflow.guardianmeeting;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.BusinessKey;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A guardian meeting (business key: its id) is about its class, and so its school: its scope and its tasks' subject. */
@Component
class MeetingScopes implements CaseScopes, TaskSubjects {

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
    if (!BusinessKey.isId(businessKey)) {
      return Optional.empty();
    }
    return meetings.findById(Long.valueOf(businessKey)).map(m -> {
      SchoolClass c = schools.schoolClass(m.getClassId());
      return new Scope(c.getId(), c.getSchool().getId(), null);
    });
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    List<Long> ids = businessKeys.stream().flatMap(k -> BusinessKey.parse(k).stream()).toList();
    List<GuardianMeeting> list = meetings.findAllById(ids);
    Map<Long, SchoolClass> classes = schools.classesById(list.stream().map(GuardianMeeting::getClassId).toList());
    Map<String, Subject> out = new HashMap<>();
    for (GuardianMeeting m : list) {
      String className = classes.get(m.getClassId()).getName();
      out.put(m.getId().toString(), new Subject(className, className, m.getClassId(), null));
    }
    return out;
  }
}
