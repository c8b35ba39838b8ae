package org.careflow.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;

/** What a coordinator reads before deploying a changed decision or form: the rules and fields that changed. */
class ModelDiffTest {

  static DmnModelInstance dmn(String xml) {
    return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDecisionTableShowsTheRuleWhoseMonthsChangedAndTheRuleRemoved() throws Exception {
    String before = Files.readString(Path.of("processes/eligibility.dmn"));
    String after = before.replaceFirst("&gt;= 3<", "&gt;= 6<").replaceFirst("(?s)<rule id=\"orphanRule\">.*?</rule>", "");
    List<ModelDiff.Change> changes = ModelDiff.decisions(dmn(before), dmn(after));
    assertThat(changes).extracting(ModelDiff.Change::kind, ModelDiff.Change::elementId)
        .contains(org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.REMOVED, "orphanRule"));
    ModelDiff.Change months = changes.stream().filter(c -> c.kind() == ModelDiff.Kind.CHANGED).findFirst().orElseThrow();
    assertThat(months.type()).isEqualTo("rule");
    assertThat(String.join(" ", months.details())).contains(">= 3", ">= 6");
    assertThat(ModelDiff.decisions(dmn(before), dmn(before))).isEmpty();
  }

  @Test
  void aFormShowsTheFieldAddedAndTheLabelChanged() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String before = Files.readString(Path.of("forms/monthly-talk.form"));
    var a = json.readTree(before);
    var b = json.readTree(before);
    var components = (com.fasterxml.jackson.databind.node.ArrayNode) b.get("components");
    String firstId = components.get(0).path("id").asText(components.get(0).path("key").asText());
    ((com.fasterxml.jackson.databind.node.ObjectNode) components.get(0)).put("label", "谈心的日期");
    components.addObject().put("id", "Field_call").put("type", "textfield").put("key", "call").put("label", "电话记录");
    List<ModelDiff.Change> changes = ModelDiff.forms(a, b);
    assertThat(changes).extracting(ModelDiff.Change::kind, ModelDiff.Change::elementId).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.ADDED, "Field_call"),
        org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.CHANGED, firstId));
    assertThat(changes.stream().filter(c -> c.kind() == ModelDiff.Kind.CHANGED).findFirst().orElseThrow().details())
        .anySatisfy(d -> assertThat(d).endsWith("→ 谈心的日期"));
  }
}
