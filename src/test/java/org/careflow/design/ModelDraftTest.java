package org.careflow.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.careflow.CareflowTest;
import org.careflow.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A coordinator changes child-case in the browser: the editor page, a draft saved without deploying,
 * the draft's changes against the deployed version, its deployment with a comment; a draft that breaks
 * the project's rules is refused whole and kept; class teachers cannot reach any of it.
 */
class ModelDraftTest extends CareflowTest {

  static final String RESOURCE = "processes/child-case.bpmn";

  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  final List<String> deployed = new ArrayList<>();

  @AfterEach
  void removeWhatWasDeployed() {
    deployed.forEach(id -> repository.deleteDeployment(id, true));
    jdbc.update("delete from cf_model_draft");
  }

  ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("child-case").latestVersion().singleResult();
  }

  long versions() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("child-case").count();
  }

  /** The deployed child-case with one change to the registration task. */
  String changed(java.util.function.Consumer<UserTask> change) {
    BpmnModelInstance m = repository.getBpmnModelInstance(latest().getId());
    change.accept(m.getModelElementById("registerChild"));
    return Bpmn.convertToString(m);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Drafts in the table: the tests compare before and after, so drafts of other tests do not count. */
  long drafts() {
    return jdbc.queryForObject("select count(*) from cf_model_draft", Long.class);
  }

  static long draftId(HttpResponse<String> saved) {
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    return Long.parseLong(saved.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
  }

  @Test
  void theCoordinatorSavesADraftReadsItsChangesAndDeploysItWithAComment() {
    WebSession coordinator = browser().login("tcoordinator", "pw");
    ProcessDefinition before = latest();
    long count = versions();
    long drafts = drafts();
    String editor = coordinator.get("/design/edit?deployment=" + before.getDeploymentId() + "&resource=" + enc(RESOURCE)).body();
    assertThat(editor).contains("/vendor/editors/bpmn.js", "/vendor/editors/bpmn.css", "data-csrf-token=", "保存为草稿");
    assertThat(coordinator.get("/design").body()).contains("/design/edit?deployment=" + before.getDeploymentId(), "没有草稿");

    String xml = changed(t -> {
      t.setCamundaDueDate("${careCalendar.inDays(10)}");
      t.setName("建立一人一档");
    });
    // without the page's CSRF token: refused, nothing kept
    assertThat(coordinator.postRaw("/design/drafts", Map.of("resource", List.of(RESOURCE), "content", List.of(xml)), false).statusCode())
        .isEqualTo(403);
    assertThat(drafts()).isEqualTo(drafts);

    coordinator.get("/design/edit?deployment=" + before.getDeploymentId() + "&resource=" + enc(RESOURCE));
    long id = draftId(coordinator.post("/design/drafts",
        Map.of("resource", List.of(RESOURCE), "content", List.of(xml), "comment", List.of("登记期限放宽到 10 天"))));
    assertThat(versions()).as("a draft deploys nothing").isEqualTo(count);
    assertThat(latest().getId()).isEqualTo(before.getId());
    assertThat(coordinator.get("/design").body()).contains("草稿（未部署）", RESOURCE, "登记期限放宽到 10 天", "/design/drafts/" + id);
    assertThat(coordinator.get("/design/drafts/" + id + "/content").body()).isEqualTo(xml);

    String draft = coordinator.get("/design/drafts/" + id).body();
    assertThat(draft).contains("与已部署的第 " + before.getVersion() + " 版相比的变化", "修改", "registerChild",
        "建立档案 → 建立一人一档", "${careCalendar.inDays(7)} → ${careCalendar.inDays(10)}");

    HttpResponse<String> deploy = coordinator.post("/design/drafts/" + id + "/deploy", Map.of("comment", List.of("登记期限放宽到 10 天（校长会议决定）")));
    assertThat(deploy.statusCode()).isEqualTo(302);
    ProcessDefinition after = latest();
    deployed.add(after.getDeploymentId());
    assertThat(versions()).isEqualTo(count + 1);
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(repository.getBpmnModelInstance(after.getId()).<UserTask>getModelElementById("registerChild").getCamundaDueDate())
        .isEqualTo("${careCalendar.inDays(10)}");
    String page = coordinator.get("/design").body();
    assertThat(page).contains("child-case 已部署：第 " + after.getVersion() + " 版", "登记期限放宽到 10 天（校长会议决定）", "careflow /design", "没有草稿");
    assertThat(jdbc.queryForMap("select author, comment from cf_deployment_record where deployment_id = ?", after.getDeploymentId()))
        .containsEntry("AUTHOR", "tcoordinator").containsEntry("COMMENT", "登记期限放宽到 10 天（校长会议决定）");
    // the same draft cannot be deployed twice
    coordinator.get("/design/drafts/" + id);
    assertThat(coordinator.post("/design/drafts/" + id + "/deploy", Map.of()).body()).contains("这份草稿已经部署过了");
    assertThat(versions()).isEqualTo(count + 1);
  }

  @Test
  void aDraftThatBreaksTheRulesIsRefusedInTheCoordinatorsLanguageAndKept() {
    WebSession coordinator = browser().login("tcoordinator", "pw");
    coordinator.get("/design");
    long drafts = drafts();
    long id = draftId(coordinator.post("/design/drafts",
        Map.of("resource", List.of(RESOURCE), "content", List.of(changed(t -> t.setCamundaDueDate(null))))));
    long count = versions();

    coordinator.get("/design/drafts/" + id);
    HttpResponse<String> refused = coordinator.post("/design/drafts/" + id + "/deploy", Map.of("comment", List.of("不设期限")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("部署被拒绝，没有部署任何内容；草稿已保留", "registerChild: 用户任务没有截止日期");
    assertThat(versions()).as("nothing deployed").isEqualTo(count);
    assertThat(coordinator.get("/design").body()).contains("/design/drafts/" + id);
    assertThat(coordinator.get("/design/drafts/" + id + "/edit").body())
        .as("the draft reopens in the modeller").contains("data-source=\"/design/drafts/" + id + "/content\"", "/vendor/editors/bpmn.js");

    HttpResponse<String> english = coordinator.post("/design/drafts/" + id + "/deploy?lang=en", Map.of());
    assertThat(english.statusCode()).isEqualTo(400);
    assertThat(english.body()).contains("nothing was deployed; the draft is kept", "registerChild: the user task has no due date");
    assertThat(versions()).isEqualTo(count);

    // files an editor could not have written are not kept as drafts
    coordinator.get("/design?lang=zh-CN");
    HttpResponse<String> unreadable = coordinator.post("/design/drafts", Map.of("resource", List.of(RESOURCE), "content", List.of("<bpmn:definitions")));
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(unreadable.body()).contains("无法按其类型读取这个模型文件");
    HttpResponse<String> elsewhere = coordinator.post("/design/drafts", Map.of("resource", List.of("../../etc/passwd"), "content", List.of("x")));
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(drafts()).as("only the one good draft was kept").isEqualTo(drafts + 1);

    // the coordinator gives up on it
    coordinator.get("/design/drafts/" + id);
    assertThat(coordinator.post("/design/drafts/" + id + "/discard", Map.of()).statusCode()).isEqualTo(302);
    assertThat(coordinator.get("/design").body()).doesNotContain("/design/drafts/" + id).contains("没有草稿");
    assertThat(versions()).isEqualTo(count);
  }

  @Test
  void aFormAndADecisionOpenInTheirEditorsAndTheirDraftsShowFieldsAndRules() {
    WebSession coordinator = browser().login("tcoordinator", "pw");
    String page = coordinator.get("/design").body();
    String formEdit = page.replaceAll("(?s).*(/design/edit\\?deployment=[^\"]*resource=forms/monthly-talk\\.form)\".*", "$1").replace("&amp;", "&");
    assertThat(coordinator.get(formEdit).body()).contains("/vendor/editors/form.js");
    String dmnEdit = page.replaceAll("(?s).*(/design/edit\\?deployment=[^\"]*resource=processes/eligibility\\.dmn)\".*", "$1").replace("&amp;", "&");
    assertThat(coordinator.get(dmnEdit).body()).contains("/vendor/editors/dmn.js");

    String form = coordinator.get(formEdit.replace("/design/edit", "/design/file")).body();
    String changedForm = form.replaceFirst("\"label\"\\s*:\\s*\"([^\"]+)\"", "\"label\": \"$1（新）\"");
    long id = draftId(coordinator.post("/design/drafts", Map.of("resource", List.of("forms/monthly-talk.form"), "content", List.of(changedForm))));
    assertThat(coordinator.get("/design/drafts/" + id).body()).contains("修改", "（新）");
  }

  @Test
  void aClassTeacherCannotOpenTheEditorsNorSaveOrDeployDrafts() {
    WebSession teacher = browser().login("tteacher", "pw");
    ProcessDefinition d = latest();
    long drafts = drafts();
    assertThat(teacher.get("/design/edit?deployment=" + d.getDeploymentId() + "&resource=" + enc(RESOURCE)).statusCode()).isEqualTo(403);
    teacher.get("/");
    assertThat(teacher.post("/design/drafts", Map.of("resource", List.of(RESOURCE), "content", List.of(changed(t -> t.setName("x"))))).statusCode())
        .isEqualTo(403);
    assertThat(teacher.post("/design/drafts/1/deploy", Map.of()).statusCode()).isEqualTo(403);
    assertThat(drafts()).isEqualTo(drafts);
  }
}
