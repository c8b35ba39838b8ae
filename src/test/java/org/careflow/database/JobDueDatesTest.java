package org.careflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor acquires due jobs by their due date alone: no door may leave a job without one, or it
 * would never run (a case's next monthly talk would never come).
 */
class JobDueDatesTest extends CareflowTest implements TestSchool.EarlyInTheAutumnTerm {

  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired JobDueDates dueDates;

  /** The next monthly talk's timer of a new case in care. */
  private Job nextMonthTimer() {
    long caseId = school.caseInCare();
    String pi = runtime.createProcessInstanceQuery().processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId))
        .singleResult().getId();
    return management.createJobQuery().processInstanceId(pi).activityId("nextMonth").singleResult();
  }

  private Date dueDate(String jobId) {
    return management.createJobQuery().jobId(jobId).singleResult().getDuedate();
  }

  @Test
  void aJobGivenNoDueDateOverTheRestApiIsDueNow() {
    Job timer = nextMonthTimer();
    assertThat(timer.getDuedate()).isAfter(ClockUtil.getCurrentTime());
    TestSchool.clockAt(LocalDateTime.of(2026, 9, 20, 9, 30));
    String token = Base64.getEncoder().encodeToString("tadmin:pw".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> put = browser().send(HttpRequest.newBuilder(browser().uri("/engine-rest/job/" + timer.getId() + "/duedate"))
        .header("Authorization", "Basic " + token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"duedate\": null}")).build());

    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(dueDate(timer.getId())).hasSameTimeAs(ClockUtil.getCurrentTime());
    // and the acquisition's own condition finds it due
    assertThat(management.createJobQuery().jobId(timer.getId()).duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).count())
        .isOne();
  }

  @Test
  void theJavaApiToo() {
    Job timer = nextMonthTimer();
    management.setJobDuedate(timer.getId(), null, true);
    assertThat(dueDate(timer.getId())).hasSameTimeAs(ClockUtil.getCurrentTime());
    management.setJobDuedate(timer.getId(), null);
    assertThat(dueDate(timer.getId())).hasSameTimeAs(ClockUtil.getCurrentTime());
  }

  @Test
  void aDueDateGivenIsKept() {
    Job timer = nextMonthTimer();
    Date later = new Date(timer.getDuedate().getTime() + 86_400_000L);
    management.setJobDuedate(timer.getId(), later);
    assertThat(dueDate(timer.getId())).hasSameTimeAs(later);
  }

  @Test
  void jobsLeftWithoutDueDateByAnOlderVersionAreDueFromTheirCreationAtTheNextStart() {
    Job timer = nextMonthTimer();
    Date created = jdbc.queryForObject("select CREATE_TIME_ from ACT_RU_JOB where ID_ = ?", Date.class, timer.getId());
    jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", timer.getId());
    assertThat(dueDate(timer.getId())).isNull();

    assertThat(dueDates.giveDueDates()).isPositive();

    assertThat(dueDate(timer.getId())).hasSameTimeAs(created);
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ is null", Integer.class)).isZero();
  }
}
