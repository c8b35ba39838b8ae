package org.careflow.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.careflow.CareflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deployments the way the Camunda desktop Modeler makes them ("Deploy to Camunda 7": multipart to
 * /engine-rest/deployment/create, HTTP Basic), with good and broken models, by a coordinator and a
 * teacher. The project's rules refuse a broken model whole.
 */
class DeploymentRulesTest extends CareflowTest {

  @Autowired RepositoryService repository;

  static final String FORM = "{\"id\":\"home-call\",\"type\":\"default\",\"schemaVersion\":16,\"components\":["
      + "{\"type\":\"textfield\",\"key\":\"notes\",\"label\":\"记录\",\"id\":\"Field_notes\"}]}";

  static String process(String id, String userTaskAttributes, String serviceTask) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://careflow.org/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="180">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:userTask id="call" name="亲情电话" %s />
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="%s" />
            %s
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id, userTaskAttributes, serviceTask.isEmpty() ? "end" : "record",
        serviceTask.isEmpty() ? "" : serviceTask + "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"record\" targetRef=\"end\" />");
  }

  /** The request the desktop Modeler sends. */
  HttpResponse<String> deploy(String user, String language, Map<String, String> files) {
    String boundary = "----careflowModelerTest";
    StringBuilder body = new StringBuilder();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", "modeler-test");
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("enable-duplicate-filtering", "true");
    fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
        .append("\"\r\n\r\n").append(v).append("\r\n"));
    files.forEach((name, content) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(name).append("\"; filename=\"").append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    String auth = Base64.getEncoder().encodeToString((user + ":pw").getBytes(StandardCharsets.UTF_8));
    return browser().send(HttpRequest.newBuilder(browser().uri("/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + auth)
        .header("Accept-Language", language)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
  }

  static final String GOOD_TASK = "camunda:candidateGroups=\"teacher\" camunda:dueDate=\"${careCalendar.inDays(7)}\" camunda:formRef=\"home-call\" camunda:formRefBinding=\"latest\"";

  @Test
  void aCoordinatorDeploysFromTheModelerAndATeacherMayNot() {
    Map<String, String> files = Map.of("home-call.bpmn", process("home-call", GOOD_TASK, ""), "home-call.form", FORM);
    assertThat(deploy("tteacher", "zh-CN", files).statusCode()).isEqualTo(403);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("home-call").count()).isZero();

    HttpResponse<String> ok = deploy("tcoordinator", "zh-CN", files);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.body()).contains("\"source\":\"Camunda Modeler\"", "home-call");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("home-call").count()).isEqualTo(1);

    // the same files again: duplicate filtering deploys nothing new
    assertThat(deploy("tcoordinator", "zh-CN", files).statusCode()).isEqualTo(200);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("home-call").count()).isEqualTo(1);
  }

  @Test
  void aBrokenModelIsRefusedWholeNamingEachElementAndRule() {
    long deployments = repository.createDeploymentQuery().count();
    String broken = process("broken-call", "camunda:assignee=\"someone\" camunda:formRef=\"no-such-form\"",
        "<bpmn:serviceTask id=\"record\" camunda:delegateExpression=\"${noSuchBean}\" />");
    HttpResponse<String> zh = deploy("tcoordinator", "zh-CN,zh;q=0.9", Map.of("broken-call.bpmn", broken, "home-call.form", FORM));
    assertThat(zh.statusCode()).isEqualTo(400);
    assertThat(zh.body()).contains("部署被拒绝", "call", "用户任务没有截止日期", "表单“no-such-form”不存在",
        "record", "委托组件“noSuchBean”不存在");
    HttpResponse<String> en = deploy("tcoordinator", "en", Map.of("broken-call.bpmn", broken));
    assertThat(en.statusCode()).isEqualTo(400);
    assertThat(en.body()).contains("Deployment refused", "the user task has no due date", "delegate bean 'noSuchBean' does not exist");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("broken-call").count()).isZero();
  }

  @Test
  void aTimerThatCannotBeReadIsRefused() {
    String timer = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://careflow.org/test">
          <bpmn:process id="bad-timer" isExecutable="true" camunda:historyTimeToLive="180">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">three days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    HttpResponse<String> r = deploy("tcoordinator", "en", Map.of("bad-timer.bpmn", timer));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("wait", "ISO 8601");
  }
}
