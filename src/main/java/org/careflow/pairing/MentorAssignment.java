package org.careflow.pairing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Teacher;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.stereotype.Component;

/**
 * The coordinator pairs the child with a mentor teacher and a classmate as study buddy. Mentors are
 * offered with the fewest mentees first, so the load spreads over the school's volunteers.
 */
@Component
class MentorAssignment implements TaskFormHandler {

  private final CareCases cases;
  private final SchoolDirectory schools;
  private final ChildRepository children;
  private final PairingRepository pairings;
  private final CareClock clock;

  private final org.springframework.context.ApplicationEventPublisher events;

  MentorAssignment(CareCases cases, SchoolDirectory schools, ChildRepository children, PairingRepository pairings, CareClock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.cases = cases;
    this.schools = schools;
    this.children = children;
    this.pairings = pairings;
    this.clock = clock;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of("assignMentor");
  }

  /** The school's mentor teachers, fewest active mentees first (then by name). */
  List<MentorChoice> mentorChoices(long caseId) {
    CareCase c = cases.careCase(caseId);
    Map<String, Long> load = cases.menteeCounts();
    return schools.teachersOf(c.getChild().getSchoolClass().getSchool().getId()).stream()
        .filter(t -> t.isMentor() && t.isActive())
        .map(t -> new MentorChoice(t, load.getOrDefault(t.getUsername(), 0L)))
        // a mentor takes no more mentees than they said they could (可带学生数)
        .filter(m -> m.teacher().getMaxMentees() == null || m.mentees() < m.teacher().getMaxMentees())
        .sorted(Comparator.comparingLong(MentorChoice::mentees).thenComparing(m -> m.teacher().getName()))
        .toList();
  }

  record MentorChoice(Teacher teacher, long mentees) {}

  @Override
  public List<Option> options(TaskContext task, String valuesKey) {
    if ("mentorOptions".equals(valuesKey)) {
      return mentorChoices(task.caseId()).stream()
          .map(m -> new Option(m.teacher().getUsername(), m.teacher().getName()
              + (m.teacher().getSubject() == null ? "" : "（" + m.teacher().getSubject() + "）") + " · " + m.mentees()))
          .toList();
    }
    if ("buddyOptions".equals(valuesKey)) {
      Child child = cases.careCase(task.caseId()).getChild();
      return children.findBySchoolClassIdOrderByName(child.getSchoolClass().getId()).stream()
          .filter(c -> !Objects.equals(c.getId(), child.getId()))
          .map(c -> new Option(c.getId().toString(), c.getName()))
          .toList();
    }
    return List.of();
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    // The form already checked both against the options offered; this repeats the rule for any caller.
    String mentor = v.text("mentor");
    if (mentorChoices(task.caseId()).stream().noneMatch(m -> m.teacher().getUsername().equals(mentor))) {
      errors.reject("mentor", "validation.option");
    }
    Long buddy = v.text("buddy") == null ? null : Long.valueOf(v.text("buddy"));
    if (!errors.isEmpty()) {
      return Map.of();
    }
    Pairing p = pairings.save(new Pairing(task.caseId(), mentor, buddy, v.text("note"), task.user(), clock.now()));
    events.publishEvent(new MentorAssigned(p.getId(), p.getCaseId(), p.getAssignedAt()));
    cases.pair(task.caseId(), mentor, buddy);
    return Map.of();
  }
}
