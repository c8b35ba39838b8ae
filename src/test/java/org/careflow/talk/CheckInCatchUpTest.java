package org.careflow.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careflow.TestSchool.clockAt;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.child.CareCases;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.oversight.OpenWork;
import org.careflow.oversight.OversightQueries;
import org.careflow.oversight.Scope;
import org.careflow.school.SchoolClass;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mentor's overdue weekly check-ins closed in one step: written late with the day they really happened
 * (counted as held for that week), or missed with a reason (still missed on the dashboard), never copied.
 */
class CheckInCatchUpTest extends CareflowTest {

  @Autowired CheckInCatchUp catchUp;
  @Autowired CareCases cases;
  @Autowired OversightQueries queries;
  @Autowired OpenWork openWork;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  @Test
  void overdueWeeksAreClosedLateWithTheirRealDayOrAsMissedAndTheDashboardCountsThemSo() {
    String teacher = school.newUser("tcatch", Roles.TEACHER);
    String mentor = school.newUser("tcatchm", Roles.MENTOR);
    SchoolClass own = school.newClass("六", 6, teacher);
    Scope scope = Scope.classes(Set.of(own.getId()));
    clockAt(LocalDateTime.of(2026, 9, 2, 9, 0));
    long caseId = school.caseInCare(own, TestSchool.as(teacher, Roles.TEACHER), mentor, "CU");
    long childId = cases.careCase(caseId).getChild().getId();
    for (java.time.LocalDate monday = java.time.LocalDate.of(2026, 9, 7); !monday.isAfter(java.time.LocalDate.of(2026, 10, 5));
        monday = monday.plusWeeks(1)) {
      school.fireTimersDueBy(monday.atTime(8, 0)); // week by week, as the school's weeks pass
    }
    CurrentUser me = new CurrentUser(mentor, List.of(Roles.MENTOR));

    CheckInCatchUp.Weeks weeks = catchUp.weeks(childId, me);
    assertThat(weeks.weeks()).hasSizeGreaterThanOrEqualTo(3);
    int owed = weeks.weeks().size();
    long missedBefore = queries.targets(null, scope).missed().checkInWeeks();
    CheckInCatchUp.Week first = weeks.weeks().get(0);
    CheckInCatchUp.Week second = weeks.weeks().get(1);

    // nobody else closes them: another mentor, the class teacher
    assertThatThrownBy(() -> catchUp.weeks(childId, new CurrentUser("tmentor", List.of(Roles.MENTOR))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> catchUp.close(childId, new CurrentUser(teacher, List.of(Roles.TEACHER)), Map.of("restMissed", "true", "reason", "x")))
        .isInstanceOf(NotFoundException.class);

    // a day outside its week, a missed week without a reason: refused whole, nothing written
    Map<String, String> bad = new HashMap<>();
    bad.put("outcome_" + first.taskId(), "LATE");
    bad.put("date_" + first.taskId(), first.sunday().plusDays(1).toString());
    bad.put("outcome_" + second.taskId(), "MISSED");
    assertThatThrownBy(() -> catchUp.close(childId, me, bad)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors().all()).containsKeys("date_" + first.taskId(), "reason_" + second.taskId()));
    assertThat(catchUp.weeks(childId, me).weeks()).hasSize(owed);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_missed_check_in WHERE case_id = ?", Integer.class, caseId)).isZero();

    // the week's ordinary form takes a day of its own week only, as this page does: nothing written otherwise
    org.camunda.bpm.engine.task.Task firstTask = tasks.createTaskQuery().taskId(first.taskId()).singleResult();
    assertThatThrownBy(() -> school.completeTask(firstTask.getId(), TestSchool.as(mentor, Roles.MENTOR), TestSchool.form(
        "checkInDate", first.sunday().plusDays(1).toString(), "mood", "CALM", "topics", "study")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors().all()).containsKey("checkInDate"));
    assertThat(catchUp.weeks(childId, me).weeks()).hasSize(owed);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_mentor_check_in WHERE case_id = ? AND first_meeting = FALSE",
        Integer.class, caseId)).isZero();

    Map<String, String> ok = new HashMap<>();
    ok.put("outcome_" + first.taskId(), "LATE");
    ok.put("date_" + first.taskId(), first.monday().plusDays(2).toString());
    ok.put("note_" + first.taskId(), "聊了运动会");
    ok.put("outcome_" + second.taskId(), "MISSED");
    ok.put("reason_" + second.taskId(), "帮扶教师外出培训");
    ok.put("restMissed", "true");
    ok.put("reason", "孩子请假回老家");
    assertThat(catchUp.close(childId, me, ok)).containsExactly(1, owed - 1);

    assertThat(catchUp.weeks(childId, me).weeks()).isEmpty();
    assertThat(jdbc.queryForList("SELECT check_in_date, late FROM cf_mentor_check_in WHERE case_id = ? AND first_meeting = FALSE", caseId))
        .singleElement().satisfies(r -> {
          assertThat(r.get("CHECK_IN_DATE").toString()).isEqualTo(first.monday().plusDays(2).toString());
          assertThat(r.get("LATE")).isEqualTo(true);
        });
    assertThat(jdbc.queryForList("SELECT reason FROM cf_missed_check_in WHERE case_id = ? ORDER BY week_start", String.class, caseId))
        .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of("帮扶教师外出培训"),
            java.util.stream.Stream.generate(() -> "孩子请假回老家").limit(owed - 2)).toList());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit WHERE case_id = ? AND action = 'RECORD' AND detail = 'weeklyCheckIn'",
        Integer.class, caseId)).isEqualTo(owed);
    // the late week counts as held, the missed ones stay missed; a rebuild from the records agrees
    OversightQueries.Targets t = queries.targets(null, scope);
    assertThat(t.missed().checkInWeeks()).isEqualTo(missedBefore - 1);
    openWork.rebuild();
    assertThat(queries.targets(null, scope)).isEqualTo(t);
  }
}
