package org.careflow.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.careflow.WebSession;
import org.junit.jupiter.api.io.TempDir;
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
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", "modeler-test");
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("enable-duplicate-filtering", "true");
    WebSession.FilePart[] parts = files.entrySet().stream().map(f -> new WebSession.FilePart(f.getKey(), f.getKey(),
        "application/octet-stream", f.getValue().getBytes(StandardCharsets.UTF_8))).toArray(WebSession.FilePart[]::new);
    return browser().send(browser().multipart("/engine-rest/deployment/create", fields, parts)
        .header("Authorization", WebSession.basicAuth(user, "pw"))
        .header("Accept-Language", language).build());
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

  // ---- models cannot execute code -------------------------------------------------------------------

  @TempDir Path tmp;

  /** An expression that creates the file when the engine's full expression language evaluates it. */
  static String touch(Path file) {
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + file + "')}";
  }

  static String xmlAttr(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  /** A valid process apart from what is put inside it: a start, the given flow node(s) between start and end. */
  static String around(String id, String inside) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://careflow.org/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="180">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id, inside);
  }

  static String chain(String node) {
    return "<bpmn:startEvent id=\"start\" /><bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"bad\" />" + node
        + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"bad\" targetRef=\"end\" /><bpmn:endEvent id=\"end\" />";
  }

  Map<String, String> evilModels(Path file) {
    String expr = xmlAttr(touch(file));
    String cmd = "java.lang.Runtime.getRuntime().exec('touch " + file + "')";
    Map<String, String> m = new LinkedHashMap<>();
    m.put("script task javascript", around("evil-js", chain("<bpmn:scriptTask id=\"bad\" scriptFormat=\"javascript\"><bpmn:script>" + cmd + "</bpmn:script></bpmn:scriptTask>")));
    m.put("script task groovy", around("evil-groovy", chain("<bpmn:scriptTask id=\"bad\" scriptFormat=\"groovy\" camunda:resource=\"evil.groovy\" />")));
    m.put("script execution listener", around("evil-listener", chain("<bpmn:task id=\"bad\"><bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"javascript\">" + cmd + "</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>")));
    m.put("script task listener", around("evil-task-listener", chain("<bpmn:userTask id=\"bad\" camunda:candidateGroups=\"teacher\"><bpmn:extensionElements><camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"groovy\">'touch " + file + "'.execute()</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>")));
    m.put("java class on a service task", around("evil-class", chain("<bpmn:serviceTask id=\"bad\" camunda:class=\"org.careflow.Evil\" />")));
    m.put("java class on a listener", around("evil-class-listener", chain("<bpmn:task id=\"bad\"><bpmn:extensionElements><camunda:executionListener event=\"start\" class=\"org.careflow.Evil\" /></bpmn:extensionElements></bpmn:task>")));
    m.put("java class on a send task", around("evil-send", chain("<bpmn:sendTask id=\"bad\" camunda:class=\"org.careflow.Evil\" />")));
    m.put("expression listener calling getClass", around("evil-expression", chain("<bpmn:task id=\"bad\"><bpmn:extensionElements><camunda:executionListener event=\"start\" expression=\"" + expr + "\" /></bpmn:extensionElements></bpmn:task>")));
    m.put("timer date evaluated while deploying", around("evil-timer", "<bpmn:startEvent id=\"bad\"><bpmn:timerEventDefinition id=\"t\"><bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">" + expr + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent><bpmn:sequenceFlow id=\"f2\" sourceRef=\"bad\" targetRef=\"end\" /><bpmn:endEvent id=\"end\" />"));
    m.put("condition expression", around("evil-condition", "<bpmn:startEvent id=\"start\" /><bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"gw\" /><bpmn:exclusiveGateway id=\"gw\" default=\"f3\" /><bpmn:sequenceFlow id=\"bad\" sourceRef=\"gw\" targetRef=\"end\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + expr + "</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id=\"f3\" sourceRef=\"gw\" targetRef=\"end\" /><bpmn:endEvent id=\"end\" />"));
    m.put("script condition", around("evil-script-condition", "<bpmn:startEvent id=\"start\" /><bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"gw\" /><bpmn:exclusiveGateway id=\"gw\" default=\"f3\" /><bpmn:sequenceFlow id=\"bad\" sourceRef=\"gw\" targetRef=\"end\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">" + cmd + "</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id=\"f3\" sourceRef=\"gw\" targetRef=\"end\" /><bpmn:endEvent id=\"end\" />"));
    m.put("input mapping", around("evil-input", chain("<bpmn:task id=\"bad\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">" + expr + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>")));
    m.put("output mapping", around("evil-output", chain("<bpmn:task id=\"bad\"><bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name=\"x\">" + expr + "</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>")));
    m.put("call activity calledElement", around("evil-call", chain("<bpmn:callActivity id=\"bad\" calledElement=\"" + expr + "\" />")));
    m.put("assignee expression", around("evil-assignee", chain("<bpmn:userTask id=\"bad\" camunda:assignee=\"" + expr + "\" camunda:dueDate=\"${careCalendar.inDays(7)}\" />")));
    m.put("delegate expression on a bean outside careflow's", around("evil-delegate", chain("<bpmn:serviceTask id=\"bad\" camunda:delegateExpression=\"${dataSource}\" />")));
    return m;
  }

  static String decision(String id, String inputExpression) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="dd" name="d" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%s" name="evil" camunda:historyTimeToLive="180">
            <decisionTable id="table">
              <input id="in"><inputExpression id="bad" typeRef="string" %s</inputExpression></input>
              <output id="out" name="result" typeRef="string" />
              <rule id="r"><inputEntry id="e"><text>-</text></inputEntry><outputEntry id="o"><text>"x"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(id, inputExpression);
  }

  @Test
  void modelsThatWouldRunCodeAreRefusedOverTheEngineRestAndNothingRuns() {
    Path file = tmp.resolve("ran-" + System.nanoTime());
    long deployments = repository.createDeploymentQuery().count();
    Map<String, String> cases = new LinkedHashMap<>(evilModels(file));
    cases.put("decision in javascript", decision("evil-js-decision",
        "expressionLanguage=\"javascript\"><text>java.lang.Runtime.getRuntime().exec('touch " + file + "')</text>"));
    cases.put("decision with a reflective juel expression", decision("evil-juel-decision",
        "expressionLanguage=\"juel\"><text>" + xmlAttr(touch(file)) + "</text>"));
    cases.forEach((what, xml) -> {
      String resource = what.startsWith("decision") ? "evil.dmn" : "evil.bpmn";
      HttpResponse<String> r = deploy("tcoordinator", "en", Map.of(resource, xml));
      assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(what).contains("Deployment refused", "bad");
      assertThat(r.body()).as(what).containsAnyOf("scripts are not allowed", "Java classes are not allowed", "expression",
          "must name one of careflow", "language");
      assertThat(file).as(what + " ran").doesNotExist();
    });
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

    // each refusal names its rule, in the caller's language
    HttpResponse<String> zh = deploy("tcoordinator", "zh-CN", Map.of("evil.bpmn", evilModels(file).get("timer date evaluated while deploying")));
    assertThat(zh.statusCode()).isEqualTo(400);
    assertThat(zh.body()).contains("部署被拒绝", "bad", "定时器表达式", "不被允许");
    assertThat(deploy("tcoordinator", "en", Map.of("evil.bpmn", evilModels(file).get("script task javascript"))).body())
        .contains("bad: scripts are not allowed");
    assertThat(deploy("tcoordinator", "en", Map.of("evil.bpmn", evilModels(file).get("java class on a service task"))).body())
        .contains("bad: Java classes are not allowed in careflow models (class)");
    assertThat(file).doesNotExist();
  }

  @Test
  void aDoctypeIsRefused() {
    String xml = process("doctype-call", GOOD_TASK, "").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE d [<!ENTITY who \"teacher\">]>").replace("\"teacher\"", "\"&who;\"");
    HttpResponse<String> r = deploy("tcoordinator", "en", Map.of("doctype-call.bpmn", xml, "home-call.form", FORM));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("DOCTYPE");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("doctype-call").count()).isZero();
  }

  @Test
  void aDraftThatWouldRunCodeIsRefusedOnDesign() {
    Path file = tmp.resolve("ran-" + System.nanoTime());
    WebSession coordinator = browser().login("tcoordinator", "pw");
    coordinator.get("/design?lang=en");
    var latest = repository.createProcessDefinitionQuery().processDefinitionKey("child-case").latestVersion().singleResult();
    String xml = Bpmn.convertToString(repository.getBpmnModelInstance(latest.getId()));
    long count = repository.createProcessDefinitionQuery().processDefinitionKey("child-case").count();
    // fresh copies: the engine's own model instance is cached and shared, changing it would change child-case for everyone
    var withListener = Bpmn.readModelFromStream(repository.getProcessModel(latest.getId()));
    ((org.camunda.bpm.model.bpmn.instance.UserTask) withListener.getModelElementById("registerChild")).builder()
        .camundaExecutionListenerExpression("start", touch(file));
    var withClass = Bpmn.readModelFromStream(repository.getProcessModel(latest.getId()));
    ((org.camunda.bpm.model.bpmn.instance.UserTask) withClass.getModelElementById("registerChild"))
        .setAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "class", "org.careflow.Evil");
    List<String> drafts = List.of(Bpmn.convertToString(withListener), Bpmn.convertToString(withClass));
    for (String draft : drafts) {
      assertThat(draft).isNotEqualTo(xml);
      HttpResponse<String> saved = coordinator.post("/design/drafts",
          Map.of("resource", List.of("processes/child-case.bpmn"), "content", List.of(draft)));
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
      long id = Long.parseLong(saved.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
      coordinator.get("/design/drafts/" + id);
      HttpResponse<String> refused = coordinator.post("/design/drafts/" + id + "/deploy?lang=en", Map.of());
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("registerChild").containsAnyOf("is not allowed", "are not allowed");
      coordinator.post("/design/drafts/" + id + "/discard", Map.of());
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("child-case").count()).isEqualTo(count);
    assertThat(file).doesNotExist();
  }

  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  void anExpressionThatReachesTheEngineAnywayCannotTouchTheJvm() {
    Path file = tmp.resolve("ran-" + System.nanoTime());
    String expression = touch(file);
    // the payload is real: the engine's stock expression language runs it
    Path proof = tmp.resolve("proof-" + System.nanoTime());
    Object process = configuration.getCommandExecutorTxRequired().execute(c ->
        new JuelExpressionManager().createExpression(touch(proof)).getValue(StartProcessVariableScope.getSharedInstance()));
    waitFor((java.lang.Process) process);
    assertThat(proof).exists();

    // careflow's engine refuses it, and every way round getClass
    for (String e : List.of(expression, "${''.class}", "${careCalendar.getClass()}", "${careCalendar['class']}",
        "${'x'.format('%s', 1)}", "${dataSource}", "${processEngineConfiguration}")) {
      assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(c ->
          configuration.getExpressionManager().createExpression(e).getValue(StartProcessVariableScope.getSharedInstance())))
          .as(e).isInstanceOf(ProcessEngineException.class);
    }
    assertThat(file).doesNotExist();
    // while careflow's own beans still answer
    Object due = configuration.getCommandExecutorTxRequired().execute(c ->
        configuration.getExpressionManager().createExpression("${careCalendar.inDays(7)}").getValue(StartProcessVariableScope.getSharedInstance()));
    assertThat(due).isInstanceOf(java.util.Date.class);
    assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(c ->
        configuration.getScriptingEngines().getScriptEngineForLanguage("javascript")))
        .hasMessageContaining("switched off");
  }

  @Test
  void aDecisionThatReachesTheDecisionEngineAnywayCannotTouchTheJvm() {
    Path file = tmp.resolve("ran-" + System.nanoTime());
    // straight to the engine's DMN engine, round the deployment check: JUEL through the sandbox, scripts switched off
    for (String language : List.of("juel", "javascript")) {
      String text = language.equals("juel") ? xmlAttr(touch(file)) : "java.lang.Runtime.getRuntime().exec('touch " + file + "')";
      String xml = decision("direct-" + language, "expressionLanguage=\"" + language + "\"><text>" + text + "</text>");
      assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(c -> configuration.getDmnEngine()
          .evaluateDecisionTable("direct-" + language, new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
              org.camunda.bpm.engine.variable.Variables.createVariables())))
          .as(language).hasStackTraceContaining(language.equals("juel") ? "sandbox" : "switched off");
    }
    assertThat(file).doesNotExist();
  }

  static void waitFor(java.lang.Process p) {
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void everyModelOfTheProjectPassesTheRules() throws Exception {
    for (var e : ModelDeployer.fromFolder(Path.of(".")).entrySet()) {
      if (ModelSafety.isModel(e.getKey())) {
        assertThat(ModelSafety.check(e.getKey(), e.getValue())).as(e.getKey()).isEmpty();
      }
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("child-case").count()).isPositive();
  }
}
