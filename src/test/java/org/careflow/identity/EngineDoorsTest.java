package org.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.form;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's own doors (the REST API, Tasklist) cannot work a task past careflow: a class teacher may
 * read their own task there, but not set its or the case's variables, nor complete it without the record
 * careflow's task page writes. And the case a delegate works on is the instance's business key, whatever
 * a {@code caseId} variable says.
 */
class EngineDoorsTest extends CareflowTest implements TestSchool.EarlyInTheAutumnTerm {


  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired Audit audit;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
  @Autowired ScopeAuthorizations scopeAuthorizations;


  /** A case of class A (tteacher's) in care: its first monthly talk is open, assigned to tteacher. */
  private long caseInCare() {
    return school.caseInCare(school.classA, TEACHER, "tmentor", "DOOR");
  }

  private String instanceOf(long caseId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId))
        .singleResult().getId();
  }

  private int talkRows(long caseId) {
    return jdbc.queryForObject("select count(*) from cf_monthly_talk where case_id = ?", Integer.class, caseId);
  }

  private int assessments(long caseId) {
    return jdbc.queryForObject("select count(*) from cf_risk_assessment where case_id = ?", Integer.class, caseId);
  }

  private HttpResponse<String> rest(String method, String path, String user, String json) {
    String token = Base64.getEncoder().encodeToString((user + ":pw").getBytes(StandardCharsets.UTF_8));
    return browser().send(HttpRequest.newBuilder(browser().uri(path)).header("Authorization", "Basic " + token)
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private List<AuditEntry> refusals(long caseId) {
    return audit.find(cases.careCase(caseId).getChild().getId(), "tteacher", 100).stream()
        .filter(e -> Audit.REFUSED.equals(e.getAction())).toList();
  }

  @Test
  void anAssigneeCannotSetTheirTasksOrTheCasesVariablesOverTheEngineRestApi() {
    long caseId = caseInCare();
    long other = caseInCare();
    String pi = instanceOf(caseId);
    Task talk = school.task(caseId, "monthlyTalk");
    assertThat(talk.getAssignee()).isEqualTo("tteacher");
    // the assignee may work the task, not update it (which includes setting its variables)
    List<String> groups = List.of(Roles.TEACHER, Roles.classGroup(school.classA.getId()));
    assertThat(authorizations.isUserAuthorized("tteacher", groups, org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK,
        org.camunda.bpm.engine.authorization.Resources.TASK, talk.getId())).isTrue();
    assertThat(authorizations.isUserAuthorized("tteacher", groups, org.camunda.bpm.engine.authorization.Permissions.UPDATE,
        org.camunda.bpm.engine.authorization.Resources.TASK, talk.getId())).isFalse();
    // reading the own task works
    assertThat(rest("GET", "/engine-rest/task/" + talk.getId(), "tteacher", "").statusCode()).isEqualTo(200);

    String otherCase = "{\"value\": " + other + ", \"type\": \"Long\"}";
    HttpResponse<String> put = rest("PUT", "/engine-rest/task/" + talk.getId() + "/variables/caseId", "tteacher", otherCase);
    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(rest("PUT", "/engine-rest/task/" + talk.getId() + "/localVariables/caseId", "tteacher", otherCase).statusCode()).isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/task/" + talk.getId() + "/variables", "tteacher",
        "{\"modifications\": {\"caseId\": " + otherCase + "}}").statusCode()).isEqualTo(403);
    assertThat(rest("DELETE", "/engine-rest/task/" + talk.getId() + "/variables/caseId", "tteacher", "").statusCode()).isEqualTo(403);
    // the case's instance: READ only
    assertThat(rest("PUT", "/engine-rest/process-instance/" + pi + "/variables/caseId", "tteacher", otherCase).statusCode()).isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/process-instance/" + pi + "/variables", "tteacher",
        "{\"modifications\": {\"caseId\": " + otherCase + "}}").statusCode()).isEqualTo(403);

    assertThat(((Number) runtime.getVariable(pi, "caseId")).longValue()).isEqualTo(caseId);
    assertThat(tasks.getVariablesLocal(talk.getId())).isEmpty();
    assertThat(refusals(caseId)).isNotEmpty();
  }

  @Test
  void updateGrantsOfAnOlderVersionAreReducedToWorkAtStart() {
    long caseId = caseInCare();
    Task talk = school.task(caseId, "monthlyTalk");
    org.camunda.bpm.engine.authorization.Authorization a = authorizations.createAuthorizationQuery().userIdIn("tteacher")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(talk.getId()).singleResult();
    a.addPermission(org.camunda.bpm.engine.authorization.Permissions.UPDATE); // as the engine's default gave it
    authorizations.saveAuthorization(a);
    assertThat(rest("PUT", "/engine-rest/task/" + talk.getId() + "/variables/x", "tteacher", "{\"value\": 1}").statusCode()).isEqualTo(403);

    assertThat(scopeAuthorizations.reduceTaskUpdates()).isGreaterThanOrEqualTo(1);

    List<String> groups = List.of(Roles.TEACHER, Roles.classGroup(school.classA.getId()));
    assertThat(authorizations.isUserAuthorized("tteacher", groups, org.camunda.bpm.engine.authorization.Permissions.UPDATE,
        org.camunda.bpm.engine.authorization.Resources.TASK, talk.getId())).isFalse();
    assertThat(authorizations.isUserAuthorized("tteacher", groups, org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK,
        org.camunda.bpm.engine.authorization.Resources.TASK, talk.getId())).isTrue();
    assertThat(authorizations.isUserAuthorized("tteacher", groups, org.camunda.bpm.engine.authorization.Permissions.READ,
        org.camunda.bpm.engine.authorization.Resources.TASK, talk.getId())).isTrue();
  }

  @Test
  void completingATaskOverTheEngineRestApiIsRefusedWithWhereToWorkIt() {
    long caseId = caseInCare();
    Task talk = school.task(caseId, "monthlyTalk");
    int refusedBefore = refusals(caseId).size();

    HttpResponse<String> complete = rest("POST", "/engine-rest/task/" + talk.getId() + "/complete", "tteacher", "{}");
    assertThat(complete.statusCode()).isEqualTo(403);
    assertThat(complete.body()).contains("请在 careflow 中办理此任务", "/tasks/" + talk.getId());
    assertThat(rest("POST", "/engine-rest/task/" + talk.getId() + "/submit-form", "tteacher",
        "{\"variables\": {\"mood\": {\"value\": \"CALM\"}}}").statusCode()).isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/task/" + talk.getId() + "/resolve", "tteacher", "{}").statusCode()).isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/task/" + talk.getId() + "/bpmnError", "tteacher", "{\"errorCode\": \"x\"}").statusCode())
        .isEqualTo(403);
    assertThat(rest("POST", "/engine-rest/task/" + talk.getId() + "/bpmnEscalation", "tteacher", "{\"escalationCode\": \"x\"}")
        .statusCode()).isEqualTo(403);
    // administrators too: a task done without its record would count as done on the dashboard
    HttpResponse<String> admin = rest("POST", "/engine-rest/task/" + talk.getId() + "/complete", "tadmin", "{}");
    assertThat(admin.statusCode()).isEqualTo(403);

    assertThat(school.task(caseId, "monthlyTalk")).isNotNull();
    assertThat(talkRows(caseId)).isZero();
    assertThat(refusals(caseId)).hasSize(refusedBefore + 5);
    assertThat(refusals(caseId).get(0).getCaseId()).isEqualTo(caseId);
    assertThat(refusals(caseId).get(0).getDetail()).contains("monthlyTalk");
  }

  @Test
  void tasklistShowsTheTaskButCannotCompleteIt() {
    long caseId = caseInCare();
    Task talk = school.task(caseId, "monthlyTalk");
    WebSession s = browser().login("tteacher", "pw");
    HttpResponse<String> app = s.get("/camunda/app/tasklist/default/");
    assertThat(app.statusCode()).isEqualTo(200);
    HttpResponse<String> read = s.get("/camunda/api/engine/engine/default/task/" + talk.getId(), "Accept", "application/json");
    assertThat(read.statusCode()).isEqualTo(200);
    String xsrf = read.headers().firstValue("X-XSRF-TOKEN").or(() -> app.headers().firstValue("X-XSRF-TOKEN")).orElseThrow();

    HttpResponse<String> complete = s.send(HttpRequest.newBuilder(s.uri("/camunda/api/engine/engine/default/task/" + talk.getId() + "/complete"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(complete.statusCode()).isEqualTo(403);
    assertThat(complete.body()).contains("/tasks/" + talk.getId());
    HttpResponse<String> submit = s.send(HttpRequest.newBuilder(s.uri("/camunda/api/engine/engine/default/task/" + talk.getId() + "/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {}}")).build());
    assertThat(submit.statusCode()).isEqualTo(403);

    assertThat(school.task(caseId, "monthlyTalk")).isNotNull();
    assertThat(talkRows(caseId)).isZero();

    // careflow's own task page still works the task and writes its record
    s.get("/tasks/" + talk.getId());
    HttpResponse<String> ok = s.post("/tasks/" + talk.getId(), Map.of("talkDate", List.of("2026-09-07"),
        "topics", List.of("study"), "mood", List.of("CALM")));
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(talkRows(caseId)).isEqualTo(1);
    assertThat(school.tasks(caseId, "monthlyTalk")).isEmpty();
  }

  @Test
  void delegatesTakeTheCaseFromTheBusinessKeyNotFromAVariable() {
    long caseId = caseInCare();
    long other = caseInCare();
    int otherBefore = assessments(other);
    int before = assessments(caseId);
    // an older door or a bug sets the variable to another class's case
    runtime.setVariable(instanceOf(caseId), "caseId", other);

    school.complete(caseId, "monthlyTalk", TEACHER, form("talkDate", "2026-09-07", "topics", "study", "mood", "CALM"));

    assertThat(assessments(caseId)).isEqualTo(before + 1);
    assertThat(assessments(other)).isEqualTo(otherBefore);
    assertThat(talkRows(caseId)).isEqualTo(1);
    assertThat(talkRows(other)).isZero();
    // the next month's talk still goes to the class teacher of the instance's own case
    assertThat(school.tasks(caseId, "monthlyTalk")).isEmpty();
  }
}
