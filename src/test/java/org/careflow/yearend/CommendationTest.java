package org.careflow.yearend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The mentors' scores as 篇29 defines them, from real term reviews and the supervisor's selection. */
class CommendationTest extends CareflowTest {


  @Autowired Commendations commendations;
  @Autowired CaseLifecycle lifecycle;

  @Test
  void pointsAreAddedAsPlan29Says() {
    // 5 ranks gained (12 → 7) +50, no misconduct +20
    assertThat(Commendations.score(12, 7, false, false)).isEqualTo(70);
    // stays in the top 5 and gains 1 (3 → 2): +10 +10, no misconduct +20, 三好学生 +10
    assertThat(Commendations.score(3, 2, false, true)).isEqualTo(50);
    // a fall gives no negative points; serious misconduct loses the 20
    assertThat(Commendations.score(4, 9, true, false)).isZero();
    // no ranks written: only the conduct points
    assertThat(Commendations.score(null, null, false, false)).isEqualTo(20);
  }

  @Test
  void aMentorsScoreIsTheSumOverTheMenteesAndAClassTeachersTheAverage() {
    List<Commendations.Row> rows = List.of(
        new Commendations.Row(1, 1, "甲", "一年级(1)班", "t1", "m1", 10, 8, false, false, false, 40),
        new Commendations.Row(2, 2, "乙", "一年级(1)班", "t1", "m1", 3, 3, false, true, false, 40),
        new Commendations.Row(3, 3, "丙", "一年级(1)班", "t1", "m2", 5, 9, false, false, true, 5));
    assertThat(Commendations.mentorScores(rows)).extracting(Commendations.TeacherScore::teacher, Commendations.TeacherScore::score)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("m1", 80.0), org.assertj.core.groups.Tuple.tuple("m2", 5.0));
    assertThat(Commendations.classTeacherScores(rows)).singleElement().satisfies(t -> assertThat(t.score()).isEqualTo(28.3));
  }

  @Test
  void theSupervisorSelectsFromTheTermsReviewsAndTheScoresFollow() {
    clockAt(TestSchool.EARLY_AUTUMN);
    long caseId = school.caseInCare(school.classA, TEACHER, "tmentor2", "C");
    school.fireTimersDueBy(LocalDateTime.of(2027, 1, 21, 8, 0));
    school.complete(caseId, "termReview", TEACHER, form("progress", "进步明显", "rankBefore", "12", "rankAfter", "7",
        "outcome", "continue", "summary", "继续帮扶"));

    long term = school.autumn.getId();
    Commendations.Row row = commendations.rows(term).stream().filter(r -> r.caseId() == caseId).findFirst().orElseThrow();
    assertThat(row.score()).isEqualTo(70);
    commendations.decide(term, List.of(caseId), List.of(caseId), List.of(), "tsupervisor");
    row = commendations.rows(term).stream().filter(r -> r.caseId() == caseId).findFirst().orElseThrow();
    assertThat(row.outstanding()).isTrue();
    assertThat(row.score()).isEqualTo(80);
    List<Commendations.Row> all = commendations.rows(term);
    int expected = all.stream().filter(r -> "tmentor2".equals(r.mentor())).mapToInt(Commendations.Row::score).sum();
    assertThat(Commendations.mentorScores(all)).filteredOn(t -> t.teacher().equals("tmentor2"))
        .singleElement().satisfies(t -> assertThat(t.score()).isEqualTo(expected));
    // a case without a review in the term cannot be selected
    assertThatThrownBy(() -> commendations.decide(term, List.of(-1L), List.of(), List.of(), "tsupervisor"))
        .isInstanceOf(InvalidInputException.class);
  }
}
