package org.careflow.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The archive: each bad field gets its own message, nothing is saved when anything is wrong, every change is kept. */
class ArchiveValidationTest extends CareflowTest {

  @Autowired CaseLifecycle lifecycle;
  @Autowired ChildArchive archive;
  @Autowired CareCases cases;
  /** This test's child's student number (a new instance, so a new number, for every test). */
  final String studentNo = TestSchool.nextStudentNo("ARC");

  @BeforeEach
  void autumn() {
    clockAt(LocalDateTime.of(2026, 10, 9, 10, 0));
  }

  private Map<String, String> rejected(long caseId, Map<String, List<String>> form) {
    InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
        () -> school.complete(caseId, "registerChild", TEACHER, form));
    assertThat(e).as("the registration should be refused").isNotNull();
    Map<String, String> codes = new HashMap<>();
    e.errors().all().forEach((k, v) -> codes.put(k, v.code()));
    return codes;
  }

  @Test
  void badFieldsAreEachNamedAndNothingIsSaved() {
    long caseId = lifecycle.enrol("孙浩然", school.classA.getId(), "tcoordinator").getId();
    long childId = cases.careCase(caseId).getChild().getId();
    int historyBefore = archive.history(childId).size();

    // The form's own rules first...
    Map<String, List<String>> form = new HashMap<>(archive(studentNo, "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    form.put("guardianPhone", List.of("1381234567"));      // ten digits
    form.put("guardianAge", List.of("7"));
    form.put("consentGiven", List.of());                   // no consent
    form.put("sex", List.of("X"));
    assertThat(rejected(caseId, form)).containsEntry("guardianPhone", "validation.pattern")
        .containsEntry("guardianAge", "validation.range")
        .containsEntry("consentGiven", "validation.mustConfirm")
        .containsEntry("sex", "validation.option");

    // ...then the archive's: dates that cannot be
    form = new HashMap<>(archive(studentNo, "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    form.put("birthDate", List.of("2027-01-01"));          // in the future
    form.put("fatherAwaySince", List.of("2026-12-01"));    // in the future
    assertThat(rejected(caseId, form)).containsEntry("birthDate", "validation.pastDate")
        .containsEntry("fatherAwaySince", "validation.pastDate");

    Child child = archive.child(childId);
    assertThat(child.getGuardianPhone()).isNull();
    assertThat(child.getConsentAt()).isNull();
    assertThat(archive.history(childId)).hasSize(historyBefore);
    assertThat(school.task(caseId, "registerChild")).isNotNull();
  }

  @Test
  void aStudentNumberBelongsToOneChild() {
    long first = lifecycle.enrol("周佳怡", school.classA.getId(), "tcoordinator").getId();
    school.complete(first, "registerChild", TEACHER, archive(studentNo, "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    long second = lifecycle.enrol("吴博文", school.classA.getId(), "tcoordinator").getId();
    assertThat(rejected(second, archive(studentNo, "BOTH_AWAY", LocalDate.of(2026, 1, 1))))
        .containsEntry("studentNo", "validation.studentNoTaken");
  }

  @Test
  void everyChangeIsKeptWithWhoAndWhat() {
    long caseId = lifecycle.enrol("徐诗涵", school.classA.getId(), "tcoordinator").getId();
    long childId = cases.careCase(caseId).getChild().getId();
    school.complete(caseId, "registerChild", TEACHER, archive(studentNo, "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    List<ArchiveChange> history = archive.history(childId);
    assertThat(history).extracting(ArchiveChange::getField).contains("guardianPhone", "careType", "name", "consent");
    ArchiveChange rename = history.stream().filter(h -> h.getField().equals("name") && h.getOldValue() != null).findFirst().orElseThrow();
    assertThat(rename.getOldValue()).isEqualTo("徐诗涵");
    assertThat(rename.getNewValue()).isEqualTo("王小明");
    assertThat(rename.getChangedBy()).isEqualTo("tteacher");
    Child child = archive.child(childId);
    assertThat(child.getConsentBy()).isEqualTo("王奶奶");
    assertThat(child.getGuardianPhone()).isEqualTo("18712345678");
  }

  @Test
  void aChildNeedsANameToBeEnrolled() {
    assertThatThrownBy(() -> lifecycle.enrol("  ", school.classA.getId(), "tcoordinator")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> lifecycle.enrol("名".repeat(31), school.classA.getId(), "tcoordinator")).isInstanceOf(InvalidInputException.class);
  }
}
