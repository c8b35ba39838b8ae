package org.careflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskFormHandler.Option;
import org.junit.jupiter.api.Test;

/** The server reads every submission against the form's own rules: the browser is never trusted. */
class FormSchemaTest {

  static FormSchema form(String id) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("forms", id + ".form"))) {
      return FormSchema.parse(in);
    }
  }

  @Test
  void aValidTalkRecordIsReadIntoTypedValues() throws IOException {
    FieldErrors errors = new FieldErrors();
    FormValues v = form("monthly-talk").read(Map.of("talkDate", List.of("2026-11-20"), "topics", List.of("study", "health"),
        "mood", List.of("CALM"), "parentsInformed", List.of("true"), "unknownField", List.of("ignored")), k -> List.of(), errors);
    assertThat(errors.isEmpty()).isTrue();
    assertThat(v.date("talkDate")).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(v.list("topics")).containsExactly("study", "health");
    assertThat(v.flag("parentsInformed")).isTrue();
    assertThat(v.asMap()).doesNotContainKey("unknownField");
  }

  @Test
  void everyRuleOfTheFormIsChecked() throws IOException {
    FieldErrors errors = new FieldErrors();
    form("monthly-talk").read(Map.of("talkDate", List.of("2026-02-30"), "topics", List.of("study", "gossip"),
        "mood", List.of("<script>alert(1)</script>"), "concerns", List.of("x".repeat(501))), k -> List.of(), errors);
    assertThat(errors.all()).containsOnlyKeys("talkDate", "topics", "mood", "concerns");
    assertThat(errors.all().get("talkDate").code()).isEqualTo("validation.date");
    assertThat(errors.all().get("topics").code()).isEqualTo("validation.option");
    assertThat(errors.all().get("mood").code()).isEqualTo("validation.option");
    assertThat(errors.all().get("concerns").code()).isEqualTo("validation.tooLong");
  }

  @Test
  void requiredFieldsMissingOrBlankAreRejected() throws IOException {
    FieldErrors errors = new FieldErrors();
    form("monthly-talk").read(Map.of("talkDate", List.of("   ")), k -> List.of(), errors);
    assertThat(errors.all()).containsOnlyKeys("talkDate", "topics", "mood");
    assertThat(errors.all().values()).allMatch(e -> e.code().equals("validation.required"));
  }

  @Test
  void numbersArePlainNumbersWithinTheirRange() throws IOException {
    FieldErrors errors = new FieldErrors();
    form("term-review").read(Map.of("rankBefore", List.of("abc"), "rankAfter", List.of("1000"),
        "progress", List.of("好"), "outcome", List.of("continue"), "summary", List.of("好")), k -> List.of(), errors);
    assertThat(errors.all()).containsOnlyKeys("rankBefore", "rankAfter");
    assertThat(errors.all().get("rankBefore").code()).isEqualTo("validation.number");
    assertThat(errors.all().get("rankAfter").code()).isEqualTo("validation.range");
  }

  @Test
  void optionsNamedByAValuesKeyComeFromTheServer() throws IOException {
    FieldErrors errors = new FieldErrors();
    FormValues v = form("assign-mentor").read(Map.of("mentor", List.of("tmentor"), "buddy", List.of("99")),
        k -> k.equals("mentorOptions") ? List.of(new Option("tmentor", "张老师")) : List.of(new Option("7", "李雨涵")), errors);
    assertThat(errors.all()).containsOnlyKeys("buddy");
    assertThat(v.text("mentor")).isEqualTo("tmentor");
  }

  @Test
  void phonePatternsComeFromTheFormAndARequiredCheckboxMustBeTicked() throws IOException {
    FieldErrors errors = new FieldErrors();
    form("child-archive").read(Map.of("guardianPhone", List.of("12345"), "fatherPhone", List.of("0755-26001234")), k -> List.of(), errors);
    assertThat(errors.all().get("guardianPhone").code()).isEqualTo("validation.pattern");
    assertThat(errors.all()).doesNotContainKey("fatherPhone");
    assertThat(errors.all().get("consentGiven").code()).isEqualTo("validation.mustConfirm");
  }
}
