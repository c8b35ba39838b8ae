package org.careflow.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.enrolment.CaseLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real redesign of `child-case` while cases run: the monthly talk renamed, the verification visit
 * removed (with a case waiting in it) and a step added. Cases that can move are migrated by a batch;
 * the one waiting in the removed step stays on its version and keeps working.
 */
class CaseMigrationTest extends CareflowTest {

  @Autowired CaseMigration migration;
  @Autowired CaseLifecycle lifecycle;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  static BpmnModelInstance redesigned() throws Exception {
    BpmnModelInstance m = Bpmn.readModelFromFile(Path.of("processes/child-case.bpmn").toFile());
    m.<UserTask>getModelElementById("monthlyTalk").setName("每月谈心（新版记录卡）");
    // the verification visit is dropped: eligible children go straight to pairing (beside their care)
    FlowNode visit = m.getModelElementById("verificationVisit");
    FlowNode pairing = m.getModelElementById("assignMentor");
    SequenceFlow eligible = m.getModelElementById("toVerificationVisit");
    SequenceFlow after = m.getModelElementById("toAssignMentor");
    eligible.setTarget(pairing);
    pairing.getIncoming().remove(after);
    pairing.getIncoming().add(eligible);
    remove(m, after);
    // the visit with its reminder and escalation timers and what they lead to
    for (org.camunda.bpm.model.bpmn.instance.FlowElement e : List.copyOf(m.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class))) {
      if (e != visit && e != eligible && (e.getId().startsWith("verificationVisit") || e.getId().startsWith("toVerificationVisit"))) {
        remove(m, e);
      }
    }
    remove(m, visit);
    // a step added after the first meeting: a call to the parents
    FlowNode firstMeeting = m.getModelElementById("firstMeeting");
    SequenceFlow toCare = m.getModelElementById("toPaired");
    UserTask call = m.newInstance(UserTask.class);
    call.setId("parentCall");
    call.setName("与家长通话");
    call.setCamundaAssignee("${caseRoles.mentorOf(caseId)}");
    call.setCamundaDueDate("${careCalendar.inDays(7)}");
    call.setCamundaFormRef("first-meeting");
    call.setCamundaFormRefBinding("latest");
    firstMeeting.getParentElement().addChildElement(call);
    SequenceFlow toCall = m.newInstance(SequenceFlow.class);
    toCall.setId("toParentCall");
    firstMeeting.getParentElement().addChildElement(toCall);
    toCall.setSource(firstMeeting);
    toCall.setTarget(call);
    toCare.setSource(call);
    firstMeeting.getOutgoing().remove(toCare);
    firstMeeting.getOutgoing().add(toCall);
    call.getIncoming().add(toCall);
    call.getOutgoing().add(toCare);
    return m;
  }

  static void remove(BpmnModelInstance m, ModelElementInstance e) {
    for (BpmnShape s : m.getModelElementsByType(BpmnShape.class)) {
      if (s.getBpmnElement() == e) {
        s.getParentElement().removeChildElement(s);
      }
    }
    for (BpmnEdge s : m.getModelElementsByType(BpmnEdge.class)) {
      if (s.getBpmnElement() == e) {
        s.getParentElement().removeChildElement(s);
      }
    }
    e.getParentElement().removeChildElement(e);
  }

  private void runBatch(Batch batch) {
    for (int i = 0; i < 100; i++) {
      List<Job> jobs = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list();
      if (jobs.isEmpty()) {
        jobs = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list();
      }
      if (jobs.isEmpty()) {
        jobs = management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list();
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }

  private String definitionOf(long caseId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId)).singleResult().getProcessDefinitionId();
  }

  @Test
  void casesMoveToTheNewVersionExceptOneWaitingInARemovedStep() throws Exception {
    clockAt(LocalDateTime.of(2026, 10, 12, 9, 0));
    int from = repository.createProcessDefinitionQuery().processDefinitionKey("child-case").latestVersion().singleResult().getVersion();
    long toRegister = lifecycle.enrol("迁移一", school.classA.getId(), "tcoordinator").getId();
    long inVisit = lifecycle.enrol("迁移二", school.classA.getId(), "tcoordinator").getId();
    school.complete(inVisit, "registerChild", TEACHER, archive(org.careflow.TestSchool.nextStudentNo("MIG"), "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    long inCare = lifecycle.enrol("迁移三", school.classA.getId(), "tcoordinator").getId();
    school.complete(inCare, "registerChild", TEACHER, archive(org.careflow.TestSchool.nextStudentNo("MIG"), "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    school.complete(inCare, "verificationVisit", TEACHER, form("visitDate", "2026-10-12", "metWith", "祖母", "homeConditions", "好", "guardianHealth", "GOOD"));
    school.complete(inCare, "assignMentor", COORDINATOR, form("mentor", "tmentor"));
    school.complete(inCare, "firstMeeting", TestSchool.as("tmentor", "mentor"), form("meetingDate", "2026-10-12", "mood", "CALM", "notes", "好"));

    byte[] original = Files.readAllBytes(Path.of("processes/child-case.bpmn"));
    repository.createDeployment().name("careflow").source("test redesign").addModelInstance("processes/child-case.bpmn", redesigned()).deploy();
    int to = from + 1;
    try {
      String fromId = definitionOf(inVisit);
      CaseMigration.Preview preview = migration.preview("child-case", from, to);
      assertThat(preview.planProblems()).isEmpty();
      assertThat(preview.steps()).anySatisfy(s -> {
        assertThat(s.activityId()).isEqualTo("verificationVisit");
        assertThat(s.migratable()).isFalse();
        assertThat(s.cases()).isGreaterThanOrEqualTo(1);
      });
      assertThat(preview.steps()).anySatisfy(s -> {
        assertThat(s.activityId()).isEqualTo("monthlyTalk");
        assertThat(s.mapsTo()).isEqualTo("monthlyTalk");
      });
      assertThat(preview.staying()).isGreaterThanOrEqualTo(1);
      assertThat(preview.migratable()).isGreaterThanOrEqualTo(2);

      // the coordinator's preview page, then the batch started from it
      org.careflow.WebSession coordinator = browser().login("tcoordinator", "pw");
      String page = coordinator.get("/design/migrate?key=child-case&from=" + from + "&to=" + to).body();
      assertThat(page).contains("核实家访", "新版本没有此步骤，这些流程保留在原版本", "每月谈心");
      var started = coordinator.post("/design/migrate", java.util.Map.of("key", List.of("child-case"),
          "from", List.of(Integer.toString(from)), "to", List.of(Integer.toString(to))));
      assertThat(started.statusCode()).isEqualTo(302);
      String location = started.headers().firstValue("Location").orElseThrow();
      String batchId = location.replaceAll(".*/design/migrations/([^?]+).*", "$1");
      runBatch(management.createBatchQuery().batchId(batchId).singleResult());
      assertThat(migration.progress(batchId, "child-case", from, to).finished()).isTrue();
      assertThat(coordinator.get(location.replaceFirst("^https?://[^/]+", "")).body()).contains("迁移完成");

      String toId = repository.createProcessDefinitionQuery().processDefinitionKey("child-case").processDefinitionVersion(to).singleResult().getId();
      assertThat(definitionOf(toRegister)).isEqualTo(toId);
      assertThat(definitionOf(inCare)).isEqualTo(toId);
      assertThat(definitionOf(inVisit)).isEqualTo(fromId);

      // the case left behind keeps working on its version...
      school.complete(inVisit, "verificationVisit", TEACHER, form("visitDate", "2026-10-12", "metWith", "祖母", "homeConditions", "好", "guardianHealth", "GOOD"));
      assertThat(school.task(inVisit, "assignMentor")).isNotNull();
      // ...and a migrated one follows the new design: no verification visit any more
      school.complete(toRegister, "registerChild", TEACHER, archive(org.careflow.TestSchool.nextStudentNo("MIG"), "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
      assertThat(school.task(toRegister, "verificationVisit")).isNull();
      assertThat(school.task(toRegister, "assignMentor")).isNotNull();
      assertThat(school.task(inCare, "monthlyTalk")).isNotNull();
    } finally {
      // the project's version again, for the tests that follow
      repository.createDeployment().name("careflow").source("test restore").addInputStream("processes/child-case.bpmn",
          new java.io.ByteArrayInputStream(original)).deploy();
    }
  }
}
