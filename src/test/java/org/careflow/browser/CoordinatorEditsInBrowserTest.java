package org.careflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.careflow.CareflowTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coordinator redesigns child-case in real headless Chromium: /design opens it in the bpmn-js
 * modeller, a user task selected on the canvas shows its Camunda assignee and due date in the
 * properties panel, the due date is changed there, saved as a draft, the draft's changes read, and
 * deployed as a new version. The decision and form editors open too. Runs on the tests' shared
 * application (no demo school), with the Content-Security-Policy the app serves.
 */
class CoordinatorEditsInBrowserTest extends CareflowTest {

  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("child-case").latestVersion().singleResult();
  }

  /** Waits on a condition for up to {@link Browser#PATIENCE}; {@code seconds} is how long it usually takes. */
  static WebDriverWait waiting(ChromeDriver d, int seconds) {
    return new WebDriverWait(d, Browser.PATIENCE.compareTo(Duration.ofSeconds(seconds)) > 0 ? Browser.PATIENCE : Duration.ofSeconds(seconds));
  }

  void login(ChromeDriver d) {
    d.get("http://localhost:" + port + "/login");
    d.findElement(By.name("username")).sendKeys("tcoordinator");
    d.findElement(By.name("password")).sendKeys("pw");
    d.findElement(By.cssSelector("button[type=submit]")).click();
    waiting(d, 10).until(x -> !x.getCurrentUrl().contains("/login"));
  }

  void openEditor(ChromeDriver d, String model) {
    d.get("http://localhost:" + port + "/design");
    d.findElement(By.cssSelector("#" + model + " a.edit-model")).click();
    waiting(d, 30).until(x -> "true".equals(x.findElement(By.id("editor")).getAttribute("data-ready"))
        || !x.findElement(By.id("editor-status")).getText().isEmpty());
    assertThat(d.findElement(By.id("editor-status")).getText()).as("no load error").isEmpty();
  }

  @Test
  void theCoordinatorChangesADueDateInTheModellerSavesADraftReadsTheChangesAndDeploys() throws Exception {
    assumeTrue(Browser.available(), "chromium-driver is not installed");
    ProcessDefinition before = latest();
    String deployment = null;
    ChromeDriver d = Browser.start(false);
    try {
      login(d);
      openEditor(d, "model-process-child-case");
      assertThat(d.findElements(By.cssSelector("#editor-canvas .djs-container svg"))).isNotEmpty();
      assertThat(d.findElements(By.cssSelector("[data-element-id=registerChild]"))).as("the registration task is drawn").isNotEmpty();

      // select the registration task on the canvas: the Camunda 7 panel shows who does it and by when
      d.findElement(By.cssSelector("g.djs-element[data-element-id=registerChild]")).click();
      waiting(d, 10).until(x -> x.findElement(By.cssSelector("#editor-panel .bio-properties-panel-header")).getText().contains("建立档案"));
      WebElement assignment = d.findElement(By.cssSelector("#editor-panel [data-group-id=group-CamundaPlatform__UserAssignment]"));
      assertThat(assignment.getText()).as("the panel speaks the coordinator's language").contains("办理人");
      assignment.findElement(By.cssSelector(".bio-properties-panel-group-header")).click();
      WebElement assignee = waiting(d, 5).until(x -> x.findElement(By.id("bio-properties-panel-assignee")));
      assertThat(assignee.getAttribute("value")).isEqualTo("${caseRoles.classTeacherOf(execution)}");
      assertThat(d.findElements(By.id("bio-properties-panel-candidateGroups"))).isNotEmpty();
      WebElement due = d.findElement(By.id("bio-properties-panel-dueDate"));
      assertThat(due.getAttribute("value")).isEqualTo("${careCalendar.inDays(7)}");
      assertThat(d.findElements(By.cssSelector("#editor-panel [data-group-id=group-CamundaPlatform__Form]"))).as("the form reference").isNotEmpty();
      due.clear();
      due.sendKeys("${careCalendar.inDays(5)}", Keys.TAB);
      Browser.screenshot(d, "design-modeller-user-task");

      d.findElement(By.id("draft-comment")).sendKeys("登记期限缩短到 5 天");
      d.findElement(By.cssSelector("#draft-form button[type=submit]")).click();
      waiting(d, 15).until(x -> x.getCurrentUrl().matches(".*/design/drafts/\\d+$"));
      String changes = d.findElement(By.cssSelector("table.diff")).getText();
      assertThat(changes).contains("修改", "registerChild", "${careCalendar.inDays(7)} → ${careCalendar.inDays(5)}");
      Browser.screenshot(d, "design-draft-changes");

      WebElement comment = d.findElement(By.id("deploy-comment"));
      assertThat(comment.getAttribute("value")).isEqualTo("登记期限缩短到 5 天");
      comment.sendKeys("（已审核）");
      d.findElement(By.cssSelector(".deploy-form button[type=submit]")).click();
      waiting(d, 15).until(x -> x.findElements(By.id("deployed")).size() > 0);
      ProcessDefinition after = latest();
      deployment = after.getDeploymentId();
      assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
      assertThat(d.findElement(By.id("deployed")).getText()).isEqualTo("child-case 已部署：第 " + after.getVersion() + " 版。");
      String newest = d.findElement(By.cssSelector("#model-process-child-case tbody tr")).getText();
      assertThat(newest).contains(String.valueOf(after.getVersion()), "测试协调员", "登记期限缩短到 5 天（已审核）");
      assertThat(repository.getBpmnModelInstance(after.getId()).<UserTask>getModelElementById("registerChild").getCamundaDueDate())
          .isEqualTo("${careCalendar.inDays(5)}");
      Browser.screenshot(d, "design-deployed");

      // the decision table and form editors open as well
      openEditor(d, "model-decision-eligibility");
      assertThat(d.findElements(By.cssSelector("#editor-canvas .tjs-table, #editor-canvas .dmn-decision-table-container"))).isNotEmpty();
      Browser.screenshot(d, "design-decision-editor");
      openEditor(d, "model-form-monthly-talk");
      assertThat(d.findElements(By.cssSelector("#editor-canvas .fjs-editor-container"))).isNotEmpty();
      assertThat(d.findElements(By.cssSelector("#editor-canvas .fjs-palette"))).isNotEmpty();
      Browser.screenshot(d, "design-form-editor");
    } finally {
      d.quit();
      if (deployment != null) {
        repository.deleteDeployment(deployment, true);
      }
      jdbc.update("delete from cf_model_draft");
    }
  }

}
