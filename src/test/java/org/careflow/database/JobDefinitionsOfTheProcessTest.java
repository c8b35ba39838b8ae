package org.careflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job definitions of a process are read together (one query per command): what the engine reads in
 * them must still count, above all a suspension, which the jobs made afterwards inherit.
 */
class JobDefinitionsOfTheProcessTest extends CareflowTest implements TestSchool.EarlyInTheAutumnTerm {

  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @Test
  void aMonthlyTalksLateAWeekTimerIsMadeSuspendedWhileItsDefinitionIsSuspendedAndTheOthersAreNot() {
    long caseId = school.caseInCare();
    String pi = runtime.createProcessInstanceQuery().processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId))
        .singleResult().getId();
    Job nextMonth = management.createJobQuery().processInstanceId(pi).activityId("nextMonth").singleResult();
    JobDefinition lateAWeek = management.createJobDefinitionQuery().processDefinitionId(nextMonth.getProcessDefinitionId())
        .activityIdIn("monthlyTalkLateAWeek").singleResult();
    java.util.Set<String> before = new java.util.HashSet<>();
    management.createJobQuery().processInstanceId(pi).list().forEach(j -> before.add(j.getId()));
    management.suspendJobDefinitionById(lateAWeek.getId());
    try {
      management.executeJob(nextMonth.getId());
    } finally {
      management.activateJobDefinitionById(lateAWeek.getId());
    }
    Job late = made(pi, "monthlyTalkLateAWeek", before);
    Job overdue = made(pi, "monthlyTalkOverdue", before);
    Job following = made(pi, "nextMonth", before);
    assertThat(late.isSuspended()).isTrue();
    assertThat(overdue.isSuspended()).isFalse();
    assertThat(following.isSuspended()).isFalse();
    assertThat(late.getProcessDefinitionKey()).isEqualTo("child-case"); // read from the job definition
    management.activateJobById(late.getId());
  }

  /** The one job of the activity that the timer job made (the case may hold an earlier talk's). */
  private Job made(String pi, String activity, java.util.Set<String> before) {
    var made = management.createJobQuery().processInstanceId(pi).activityId(activity).list().stream()
        .filter(j -> !before.contains(j.getId())).toList();
    assertThat(made).as(activity).hasSize(1);
    return made.get(0);
  }
}
