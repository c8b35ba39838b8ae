package org.careflow.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RepositoryService;
import org.careflow.CareflowTest;
import org.careflow.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coordinator's list of deployed models, their files and the difference between two versions. */
class DesignPageTest extends CareflowTest {

  @Autowired RepositoryService repository;

  static String version(String steps) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://careflow.org/test">
          <bpmn:process id="visit-plan" name="家访计划" isExecutable="true" camunda:historyTimeToLive="180">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(steps);
  }

  static String task(String id, String name, String due) {
    return "<bpmn:userTask id=\"" + id + "\" name=\"" + name + "\" camunda:assignee=\"tteacher\" camunda:dueDate=\"" + due
        + "\" camunda:formRef=\"home-visit\" camunda:formRefBinding=\"latest\" />";
  }

  @Test
  void theCoordinatorSeesVersionsDownloadsThemAndReadsWhatChanged() {
    String v1 = version("<bpmn:startEvent id=\"s\" />" + task("plan", "制定计划", "${careCalendar.inDays(7)}")
        + task("visit", "家访", "${careCalendar.inDays(14)}") + task("old", "旧步骤", "${careCalendar.inDays(3)}"));
    String v2 = version("<bpmn:startEvent id=\"s\" />" + task("plan", "制定家访计划", "${careCalendar.inDays(7)}")
        + task("visit", "家访", "${careCalendar.inDays(10)}") + task("report", "写报告", "${careCalendar.inDays(3)}"));
    repository.createDeployment().name("visit-plan").source("test").addString("visit-plan.bpmn", v1).deploy();
    repository.createDeployment().name("visit-plan").source("test").addString("visit-plan.bpmn", v2).deploy();

    WebSession teacher = browser().login("tteacher", "pw");
    assertThat(teacher.get("/design").statusCode()).isEqualTo(403);

    WebSession coordinator = browser().login("tcoordinator", "pw");
    String page = coordinator.get("/design").body();
    assertThat(page).contains("留守儿童关爱帮扶", "child-case", "eligibility", "monthly-talk", "家访计划", "/design/diff?key=visit-plan&amp;from=1&amp;to=2");

    String d = repository.createProcessDefinitionQuery().processDefinitionKey("child-case").latestVersion().singleResult().getDeploymentId();
    HttpResponse<String> file = coordinator.get("/design/file?deployment=" + d + "&resource=processes/child-case.bpmn");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("child-case.bpmn"));
    assertThat(file.body()).contains("<bpmn:process id=\"child-case\"");
    assertThat(coordinator.get("/design/file?deployment=" + d + "&resource=../../etc/passwd").statusCode()).isEqualTo(404);

    String diff = coordinator.get("/design/diff?key=visit-plan&from=1&to=2").body();
    assertThat(diff).contains("新增", "report", "删除", "old", "修改", "制定计划 → 制定家访计划", "${careCalendar.inDays(14)} → ${careCalendar.inDays(10)}");
    assertThat(coordinator.get("/design/diff?key=visit-plan&from=1&to=9").body()).contains("没有第 9 版");
  }
}
