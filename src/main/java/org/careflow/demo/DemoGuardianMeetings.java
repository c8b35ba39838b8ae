package org.careflow.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.guardianmeeting.GuardianMeetingProcess;
import org.careflow.guardianmeeting.GuardianMeetings;
import org.careflow.identity.Roles;
import org.careflow.inbox.TaskWork;
import org.careflow.school.SchoolClass;
import org.careflow.school.Term;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo school's guardian meetings (家长会) as days of the replayed term: last term's held by both
 * classes, this term's held by class B with two guardians absent, class A's planned. {@link DemoSchool}
 * runs each day's events at nine, inside its transaction.
 */
@Component
@Profile("demo")
class DemoGuardianMeetings {

  private final GuardianMeetings meetings;
  private final TaskService tasks;
  private final TaskWork work;

  DemoGuardianMeetings(GuardianMeetings meetings, TaskService tasks, TaskWork work) {
    this.meetings = meetings;
    this.tasks = tasks;
    this.work = work;
  }

  /** Adds the meetings' work to the replay's events by day; {@code kids} are read when the day comes. */
  void schedule(Map<LocalDate, List<Runnable>> events, List<DemoChild> kids, SchoolClass classA, SchoolClass classB, Term previousTerm,
      Term currentTerm, LocalDate today) {
    // Class B held its guardian meeting a week ago, and two guardians did not come; class A's is
    // planned for two weeks from now, its invitations still to be sent. The meetings themselves were
    // started as a real school's are: by the classes' cases entering the term (GuardianMeetings.ensureForTerm).
    long[] meetingB = new long[1];
    events.computeIfAbsent(today.minusDays(30), d -> new ArrayList<>()).add(() -> {
      meetingB[0] = meetings.ensureForTerm(classB.getId(), currentTerm.getId());
      completeMeetingTask(meetingB[0], GuardianMeetingProcess.TASK_PLAN, "teacher2", Map.of("meetingDate", List.of(today.minusDays(7).toString()),
          "location", List.of("四年级(2)班教室"), "agenda", List.of("通报学生在校情况；安全教育（防溺水）；监护人交流")));
    });
    events.computeIfAbsent(today.minusDays(25), d -> new ArrayList<>()).add(() ->
        completeMeetingTask(meetingB[0], GuardianMeetingProcess.TASK_INVITE, "teacher2", Map.of("method", List.of("PHONE"))));
    events.computeIfAbsent(today.minusDays(7), d -> new ArrayList<>()).add(() -> {
      List<String> absent = kids.stream().filter(k -> k.classId == classB.getId() && k.caseId != null && k.guardianMissesMeeting)
          .map(k -> k.caseId.toString()).toList();
      completeMeetingTask(meetingB[0], GuardianMeetingProcess.TASK_HOLD, "teacher2", Map.of("absent", absent,
          "minutes", List.of("到会监护人8人，通报了期中情况，开展了安全教育。")));
    });
    events.computeIfAbsent(today.minusDays(3), d -> new ArrayList<>()).add(() -> {
      long a = meetings.ensureForTerm(classA.getId(), currentTerm.getId());
      completeMeetingTask(a, GuardianMeetingProcess.TASK_PLAN, "teacher", Map.of("meetingDate", List.of(today.plusDays(14).toString()),
          "location", List.of("学校会议室"), "agenda", List.of("期末复习安排；寒假安全；亲情沟通")));
    });

    // Last term's meetings (started by the classes' first cases of that term) were held in its sixth week.
    LocalDate lastTermMeeting = previousTerm.getStartDate().plusDays(35);
    for (Object[] ct : List.of(new Object[] {classA.getId(), "teacher"}, new Object[] {classB.getId(), "teacher2"})) {
      long classId = (Long) ct[0];
      String teacher = (String) ct[1];
      java.util.function.Supplier<java.util.Optional<Long>> lastTerms = () -> meetings.meetingsOf(classId).stream()
          .filter(m -> m.getTermId().equals(previousTerm.getId()) && m.isFirstOfTerm() && m.getHeldAt() == null)
          .map(org.careflow.guardianmeeting.GuardianMeeting::getId).findFirst();
      events.computeIfAbsent(lastTermMeeting.minusDays(14), d -> new ArrayList<>()).add(() -> lastTerms.get().ifPresent(id ->
          completeMeetingTask(id, GuardianMeetingProcess.TASK_PLAN, teacher, Map.of("meetingDate", List.of(lastTermMeeting.toString()),
              "location", List.of("学校会议室"), "agenda", List.of("开学安全教育；亲情沟通")))));
      events.computeIfAbsent(lastTermMeeting.minusDays(7), d -> new ArrayList<>()).add(() -> lastTerms.get().ifPresent(id ->
          completeMeetingTask(id, GuardianMeetingProcess.TASK_INVITE, teacher, Map.of("method", List.of("PHONE")))));
      events.computeIfAbsent(lastTermMeeting, d -> new ArrayList<>()).add(() -> lastTerms.get().ifPresent(id ->
          completeMeetingTask(id, GuardianMeetingProcess.TASK_HOLD, teacher, Map.of("absent", List.of(), "minutes", List.of("监护人全部到会。")))));
    }
  }

  private void completeMeetingTask(long meetingId, String taskKey, String user, Map<String, List<String>> values) {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(meetingId)).taskDefinitionKey(taskKey).singleResult();
    Map<String, List<String>> form = new LinkedHashMap<>(values);
    if (taskKey.equals(GuardianMeetingProcess.TASK_INVITE)) {
      form.put("invited", work.open(t.getId(), new TaskWork.Worker(user, List.of(Roles.TEACHER), false)).options()
          .get("classChildren").stream().map(o -> o.value()).toList());
    }
    work.complete(t.getId(), new TaskWork.Worker(user, List.of(Roles.TEACHER), false), form);
  }
}
