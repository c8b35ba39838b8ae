package org.careflow.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.careflow.design.ExpressionRules.Use;
import org.junit.jupiter.api.Test;

/** The raw-XML safety rules on careflow's own models and on the expression subset, without an engine. */
class ModelSafetyTest {

  @Test
  void everyModelOfTheProjectPassesTheSafetyRules() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("processes"))) {
      files = s.filter(p -> ModelSafety.isModel(p.getFileName().toString())).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    for (Path p : files) {
      assertThat(ModelSafety.check(p.getFileName().toString(), Files.readAllBytes(p))).as(p.toString()).isEmpty();
    }
  }

  @Test
  void theExpressionSubsetAllowsCareflowsBeansVariablesAndOperatorsOnly() {
    for (String ok : List.of("${caseRoles.classTeacherOf(caseId)}", "${taskDue.reminderAt(execution)}", "${!signOffApproved}",
        "${planRequested && !supportPlans.isRunning(caseId)}", "${signOffApproved && outcome == 'close'}", "#{execution.processBusinessKey}",
        "${careCalendar.inDays(7)}", "teacher", "${a > 3 ? 'x' : \"y\"}", "${empty absentCaseIds}", "${x + 1 le 2}")) {
      assertThat(ExpressionRules.allowed(ok, Use.GENERAL)).as(ok).isTrue();
    }
    for (String bad : List.of("${''.getClass().forName('java.lang.Runtime')}", "${caseRoles.getClass()}", "${x.getClass()}",
        "${caseRoles.classTeacherOf(caseId).getClass()}", "${execution.getProcessEngineServices()}", "${execution.processEngineServices}",
        "${now()}", "${x[0]}", "${caseRoles.foo}", "${a = 1}", "${noSuchBean.run()}", "${(x).y}", "${'a'.concat('b')}",
        "\\${x}", "${x", "${x;y}", "${execution.variables}")) {
      assertThat(ExpressionRules.allowed(bad, Use.GENERAL)).as(bad).isFalse();
    }
    assertThat(ExpressionRules.allowed("${careCalendar.termStart(caseId)}", Use.TIMER)).isTrue();
    assertThat(ExpressionRules.allowed("${caseRoles.classTeacherOf(caseId)}", Use.TIMER)).isFalse();
    assertThat(ExpressionRules.allowed("${careCalendar.inDays(7)} ${careCalendar.inDays(7)}", Use.TIMER)).isFalse();
    assertThat(ExpressionRules.allowed("${taskReminder}", Use.DELEGATE)).isTrue();
    assertThat(ExpressionRules.allowed("${dataSource}", Use.DELEGATE)).isFalse();
    assertThat(ExpressionRules.allowed("${taskReminder.run()}", Use.DELEGATE)).isFalse();
  }

  @Test
  void aDoctypeIsRefusedBeforeAnythingIsRead() {
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><definitions id=\"d\">&x;</definitions>";
    assertThat(ModelSafety.check("x.bpmn", xml.getBytes())).extracting(ModelRules.Violation::code).containsExactly("unreadable");
  }
}
