package org.careflow.yearend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.TEACHER2;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.child.CareCases;
import org.careflow.child.CaseStatus;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.inbox.TaskWork;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The year-end promotion with real cases: open tasks move to the new class teacher's inbox, the history shows it, the top grade graduates. */
class HandoverTest extends CareflowTest implements TestSchool.EarlyInTheAutumnTerm {


  @Autowired YearEndHandover handover;
  @Autowired SchoolClassRepository classes;
  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired TaskWork work;
  @Autowired HandoverTimeline timeline;


  private SchoolClass newClass(String grade, int g) {
    // saved without making tteacher the class's teacher in the engine's groups: ScopeSweepTest counts on
    // tteacher seeing class A's tasks only
    return classes.save(new SchoolClass(school.classA.getSchool(), grade + "年级(" + TestSchool.next() + ")班", g, "tteacher"));
  }

  private long caseInCare(SchoolClass c) {
    return school.caseInCare(c, TestSchool.TEACHER, "tmentor", "H");
  }

  private List<Task> openTasks(long caseId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(caseId)).active().list();
  }

  @Test
  void aPromotedClassTakesItsCasesOpenTasksAndNotesToTheNewClassTeacher() {
    SchoolClass c = newClass("三", 3);
    long caseId = caseInCare(c);
    long childId = cases.careCase(caseId).getChild().getId();
    handover.writeNote(childId, "tteacher", "怕黑，晚自习后要有人陪着回宿舍。");
    assertThat(openTasks(caseId)).extracting(Task::getAssignee).contains("tteacher", "tmentor");

    YearEndHandover.Result r = handover.promote(c.getSchool().getId(),
        List.of(new YearEndHandover.Plan(c.getId(), YearEndHandover.nextName(c.getName()), "tteacher2")), "tcoordinator");

    assertThat(r.promoted()).isEqualTo(1);
    SchoolClass after = classes.findById(c.getId()).orElseThrow();
    assertThat(after.getName()).startsWith("四年级(").isEqualTo(c.getName().replace("三年级", "四年级"));
    assertThat(after.getGrade()).isEqualTo(4);
    assertThat(after.getClassTeacher()).isEqualTo("tteacher2");
    // the old teacher's tasks of the case and of its family ties are now in the new teacher's inbox; the mentor keeps theirs
    assertThat(openTasks(caseId)).extracting(Task::getAssignee).doesNotContain("tteacher").contains("tteacher2", "tmentor");
    assertThat(cases.careCase(caseId).getMentor()).isEqualTo("tmentor");
    // (the class's own rows: other tests may have filled the teacher's inbox past any page)
    List<String> inbox = work.inbox(TEACHER2, new org.careflow.inbox.InboxFilter(null, after.getId(), null), 0, 500).rows().stream().filter(row -> childId == (row.childId() == null ? -1 : row.childId()))
        .map(TaskWork.Row::taskKey).toList();
    assertThat(inbox).contains("monthlyTalk", "parentFeedback", "termLetter");
    // the history shows the change and the old teacher's note
    List<TimelineEntry> entries = timeline.entriesForCase(caseId);
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("timeline.handover");
      assertThat(e.details()).extracting(TimelineEntry.Detail::value).contains("怕黑，晚自习后要有人陪着回宿舍。",
          c.getName() + " → " + after.getName());
    });
    // tasks created later ask the class, so they go to the new teacher too
    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 1, 8, 0));
    assertThat(school.tasks(caseId, "monthlyTalk")).extracting(Task::getAssignee).containsOnly("tteacher2");
  }

  @Test
  void aBadPlanChangesNothing() {
    SchoolClass c = newClass("三", 3);
    long caseId = caseInCare(c);
    assertThatThrownBy(() -> handover.promote(c.getSchool().getId(), List.of(
        new YearEndHandover.Plan(c.getId(), YearEndHandover.nextName(c.getName()), "nobody")), "tcoordinator"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().all()).containsKey("class-" + c.getId()));
    assertThatThrownBy(() -> handover.promote(c.getSchool().getId(), List.of(
        new YearEndHandover.Plan(c.getId(), school.classB.getName(), "tteacher2")), "tcoordinator"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().all().get("class-" + c.getId()).code())
            .isEqualTo("handover.nameTaken"));
    SchoolClass same = classes.findById(c.getId()).orElseThrow();
    assertThat(same.getName()).isEqualTo(c.getName());
    assertThat(same.getClassTeacher()).isEqualTo("tteacher");
    assertThat(openTasks(caseId)).extracting(Task::getAssignee).contains("tteacher");
  }

  @Test
  void theTopGradeGraduatesAndFreesItsNameForTheClassPromotedIntoIt() {
    SchoolClass six = newClass("六", 6);
    long caseId = caseInCare(six);
    SchoolClass five = classes.save(new SchoolClass(six.getSchool(), six.getName().replace("六年级", "五年级"), 5, "tteacher2"));

    YearEndHandover.Result r = handover.promote(six.getSchool().getId(), List.of(
        new YearEndHandover.Plan(five.getId(), six.getName(), "tteacher2"),
        new YearEndHandover.Plan(six.getId(), null, null)), "tcoordinator");

    assertThat(r.graduated()).isEqualTo(1);
    assertThat(r.casesClosed()).isEqualTo(1);
    assertThat(cases.careCase(caseId).getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(cases.careCase(caseId).getCloseReason()).isEqualTo("GRADUATED");
    // (a guardian meeting's key is its meeting id, which may be the same number as this case's)
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(caseId))
        .processDefinitionKeyNotIn("guardian-meeting").count()).isZero();
    assertThat(classes.findById(six.getId()).orElseThrow().getName()).isEqualTo(six.getName() + "（2026届毕业）");
    assertThat(classes.findById(five.getId()).orElseThrow().getName()).isEqualTo(six.getName());
    assertThat(timeline.entriesForCase(caseId)).extracting(TimelineEntry::kind).containsExactly("timeline.graduated");
  }

  @Test
  void gradeNamesMoveUpByOne() {
    assertThat(YearEndHandover.nextName("三年级(1)班")).isEqualTo("四年级(1)班");
    assertThat(YearEndHandover.nextName("八年级2班")).isEqualTo("九年级2班");
    assertThat(YearEndHandover.nextName("九年级2班")).isNull();
    assertThat(YearEndHandover.nextName("火箭班")).isNull();
  }
}
