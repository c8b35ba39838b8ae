package org.careflow.guardianmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.TEACHER2;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** `guardian-meeting`: plan, invite, hold; each absent guardian raises a home visit in that child's case. */
class GuardianMeetingProcessTest extends CareflowTest {

  @Autowired GuardianMeetings meetings;
  @Autowired CaseLifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired MeetingGuestRepository guests;

  private long caseInCare() {
    return school.caseInCare(school.classB, TEACHER2, "tmentor", "GM");
  }

  private Task meetingTask(long meetingId, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(meetingId)).taskDefinitionKey(key).singleResult();
  }

  @Test
  void absentGuardiansGetAHomeVisitAndPresentOnesDoNot() {
    clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    long present = caseInCare();
    long absent = caseInCare();
    long meetingId = meetings.startForClass(school.classB.getId());
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("guardian-meeting")
        .processInstanceBusinessKey(Long.toString(meetingId)).singleResult();
    assertThat(pi).isWaitingAt("planMeeting");
    assertThat(meetingTask(meetingId, "planMeeting").getAssignee()).isEqualTo("tteacher2");

    // A date outside the term is refused, and nothing is planned.
    assertThatThrownBy(() -> school.completeTask(meetingTask(meetingId, "planMeeting").getId(), TEACHER2,
        form("meetingDate", "2027-03-01", "location", "教室", "agenda", "安全教育"))).isInstanceOf(InvalidInputException.class);
    assertThat(pi).isWaitingAt("planMeeting");

    school.completeTask(meetingTask(meetingId, "planMeeting").getId(), TEACHER2,
        form("meetingDate", "2026-11-20", "location", "教室", "agenda", "安全教育"));
    Task invite = meetingTask(meetingId, "sendInvitations");
    assertThat(invite.getDueDate()).isEqualTo(java.util.Date.from(LocalDate.of(2026, 11, 17).plusDays(1)
        .atStartOfDay(TestSchool.ZONE).toInstant().minusSeconds(1)));
    school.completeTask(invite.getId(), TEACHER2, form("method", "PHONE", "invited", present + "|" + absent));
    assertThat(guests.findByMeetingIdOrderById(meetingId)).hasSize(2);

    // Attendance cannot be recorded before the meeting day.
    assertThatThrownBy(() -> school.completeTask(meetingTask(meetingId, "holdMeeting").getId(), TEACHER2,
        form("absent", Long.toString(absent), "minutes", "到会1人"))).isInstanceOf(InvalidInputException.class);

    clockAt(LocalDateTime.of(2026, 11, 20, 17, 0));
    school.completeTask(meetingTask(meetingId, "holdMeeting").getId(), TEACHER2,
        form("absent", Long.toString(absent), "minutes", "到会1人，通报期中情况"));
    assertThat(pi).hasPassed("raiseAbsenteeVisits").isEnded();

    assertThat(school.tasks(absent, "absenteeHomeVisit")).hasSize(1);
    assertThat(school.tasks(absent, "absenteeHomeVisit").get(0).getAssignee()).isEqualTo("tteacher2");
    assertThat(school.tasks(present, "absenteeHomeVisit")).isEmpty();
    List<MeetingGuest> list = guests.findByMeetingIdOrderById(meetingId);
    assertThat(list).extracting(MeetingGuest::getPresent).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void aClassHasOneMeetingPerTerm() {
    clockAt(LocalDateTime.of(2026, 10, 8, 9, 0));
    meetings.startForClass(school.classA.getId());
    assertThatThrownBy(() -> meetings.startForClass(school.classA.getId())).isInstanceOf(InvalidInputException.class);
  }
}
