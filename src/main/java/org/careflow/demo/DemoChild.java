package org.careflow.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careflow.support.SupportPlanProcess;
import org.careflow.family.FamilyTiesProcess;
import org.careflow.enrolment.ChildCaseProcess;
import org.careflow.family.FamilyCalls;

/**
 * One child of the demo school: the archive the class teacher will write, and how the teachers
 * around the child keep up with the work (some always on time, some late, some behind), so that the
 * replayed term leaves every kind of task in the inbox.
 */
final class DemoChild {

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
  private static final String[] GIVEN = {"小明", "雨涵", "子轩", "欣怡", "浩然", "梓萱", "宇航", "思琪", "俊杰", "佳怡", "博文", "诗涵"};

  final int index;
  final String name;
  final long classId;
  final int grade;
  /** Enrolled in the previous term: its term review is part of the demo. */
  boolean startsLastTerm;
  /** Days before today the child was enrolled; negative: at the start of this term. */
  int enrolDaysBeforeToday = -1;
  /** A task this child's teachers have not got to yet: the case waits there. */
  String stopAt;
  String careType = "BOTH_AWAY";
  String reviewOutcome = "continue";
  boolean guardianMissesMeeting;
  /** The parents cannot be reached: no call gets through, and the class teacher's search task stays open. */
  boolean parentsUnreachable;
  /**
   * The talks of this child show low mood and fights (high risk, decision risk-level): an individual
   * support plan runs, written by the counsellor and reviewed every two weeks, and the class teacher
   * talks with the child every week.
   */
  boolean atRisk;
  Long caseId;
  final LocalDate today;

  private DemoChild(int index, String name, long classId, int grade, LocalDate today) {
    this.index = index;
    this.name = name;
    this.classId = classId;
    this.grade = grade;
    this.today = today;
  }

  static List<DemoChild> roster(long classA, long classB, LocalDate today) {
    List<DemoChild> kids = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      boolean a = i < 12;
      kids.add(new DemoChild(i, SURNAMES[i % 12] + GIVEN[(i * 5) % 12], a ? classA : classB, a ? 3 : 4, today));
    }
    // Class A (the demo teacher's): every stage of a case.
    kids.get(8).careType = "PARENTS_HOME";          // not eligible: the case ends with the reason
    kids.get(9).enrolDaysBeforeToday = 17;          // registered, verification visit 1-7 days overdue
    kids.get(9).stopAt = ChildCaseProcess.TASK_VERIFICATION_VISIT;
    kids.get(10).enrolDaysBeforeToday = 2;          // just enrolled: the archive is to be built
    kids.get(10).stopAt = ChildCaseProcess.TASK_REGISTER;
    kids.get(11).startsLastTerm = true;             // last term's review still to be written
    kids.get(11).stopAt = ChildCaseProcess.TASK_TERM_REVIEW;
    // Class B: a pairing waiting for the coordinator, a case that went on into this term.
    kids.get(21).enrolDaysBeforeToday = 6;
    kids.get(21).stopAt = ChildCaseProcess.TASK_ASSIGN_MENTOR;
    kids.get(22).startsLastTerm = true;
    // Overdue work in every age bucket of the oversight dashboard, whatever today is: a first meeting
    // the mentor has not had (8-30 days late), an archive unverified since last term (over 30 days).
    kids.get(19).enrolDaysBeforeToday = 25;
    kids.get(19).stopAt = ChildCaseProcess.TASK_FIRST_MEETING;
    kids.get(20).startsLastTerm = true;
    kids.get(20).stopAt = ChildCaseProcess.TASK_VERIFICATION_VISIT;
    kids.get(23).enrolDaysBeforeToday = 1;
    kids.get(23).stopAt = ChildCaseProcess.TASK_REGISTER;
    kids.get(13).guardianMissesMeeting = true;
    kids.get(16).guardianMissesMeeting = true;
    kids.get(3).startsLastTerm = true;             // no call gets through since last term: a search task for
    kids.get(3).parentsUnreachable = true;         // the parents in the demo teacher's inbox from this term's
    kids.get(3).stopAt = FamilyTiesProcess.TASK_UNREACHABLE;     // first Monday
    kids.get(2).atRisk = true;                       // 张博文: high risk, on a support plan, weekly talks
    kids.get(2).startsLastTerm = true;               // (since last term, so the plan runs whatever today is)
    kids.get(5).careType = "ONE_AWAY";
    kids.get(17).careType = "SINGLE_PARENT_AWAY";
    return kids;
  }

  /** Whether the teachers get to this task on this day (it was created on {@code created}). */
  boolean wouldComplete(String taskKey, LocalDate day, LocalDate created) {
    if (taskKey.equals(stopAt)) {
      return false;
    }
    return switch (taskKey) {
      case ChildCaseProcess.TASK_REGISTER, ChildCaseProcess.TASK_TERM_SIGN_OFF -> !day.isBefore(created.plusDays(1));
      case ChildCaseProcess.TASK_ASSIGN_MENTOR, ChildCaseProcess.TASK_FIRST_MEETING, ChildCaseProcess.TASK_TERM_REVIEW -> !day.isBefore(created.plusDays(2));
      case ChildCaseProcess.TASK_VERIFICATION_VISIT -> !day.isBefore(created.plusDays(4));
      case ChildCaseProcess.TASK_MONTHLY_TALK -> atRisk ? !day.isBefore(created.plusDays(2)) : talkDoneBy(day, created);
      case SupportPlanProcess.TASK_WRITE -> !day.isBefore(created.plusDays(2));
      case SupportPlanProcess.TASK_REVIEW -> !day.isBefore(created.plusDays(1));
      case ChildCaseProcess.TASK_WEEKLY_CHECK_IN -> checkInDoneBy(day, created);
      // the family ties: feedback late in the month (this month's not yet for odd children), every
      // third child's letter written, most quarters' visits made ten days in (every fourth child's still due)
      case FamilyTiesProcess.TASK_FEEDBACK -> talkDoneBy(day, created);
      case FamilyTiesProcess.TASK_LETTER -> index % 3 == 0 && !day.isBefore(created.plusDays(30));
      case FamilyTiesProcess.TASK_VISIT -> index % 4 != 1 && !day.isBefore(created.plusDays(10));
      case FamilyTiesProcess.TASK_UNREACHABLE -> !day.isBefore(created.plusDays(2));
      default -> false; // absentee visits and the calendar task stay open in the demo
    };
  }

  /**
   * Most class-teacher talks happen in the second half of the month. Every fifth child's teacher
   * missed last month's; in this month only even-numbered children have had theirs so far.
   */
  private boolean talkDoneBy(LocalDate day, LocalDate created) {
    boolean thisMonth = created.getYear() == today.getYear() && created.getMonth() == today.getMonth();
    boolean lastMonth = created.plusMonths(1).getMonth() == today.getMonth() && created.plusMonths(1).getYear() == today.getYear();
    if (thisMonth && index % 2 == 1) {
      return false;
    }
    if (lastMonth && index % 5 == 0) {
      return false;
    }
    return day.getDayOfMonth() >= 12 + index % 12 || day.getMonth() != created.getMonth();
  }

  /** Mentors talk on Thursdays; some weeks a few are missed; this week's is not done yet for odd children. */
  private boolean checkInDoneBy(LocalDate day, LocalDate created) {
    int week = created.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    boolean thisWeek = created.with(DayOfWeek.MONDAY).equals(today.with(DayOfWeek.MONDAY));
    if ((thisWeek && index % 2 == 1) || (index % 4 == 3 && week % 3 == 0)) {
      return false;
    }
    return day.getDayOfWeek() == DayOfWeek.THURSDAY || day.isAfter(created.plusDays(4));
  }

  /**
   * The family's calls with the parents, logged by the class teacher: on Saturdays, a call for most
   * children (a video call for every third), now and then one that did not get through; none that
   * gets through for the family whose parents cannot be reached.
   */
  FamilyCalls.Entry callOn(LocalDate day) {
    if (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
      return null;
    }
    int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    if (parentsUnreachable) {
      return week % 4 == 0 ? new FamilyCalls.Entry(day, "PHONE", "BOTH", "", false, "电话无人接听") : null;
    }
    if ((index + week) % 7 == 0) {
      return new FamilyCalls.Entry(day, "PHONE", "FATHER", "", false, "关机");
    }
    return new FamilyCalls.Entry(day, index % 3 == 0 ? "VIDEO" : "PHONE", index % 2 == 0 ? "MOTHER" : "BOTH",
        Integer.toString(8 + (index * 3 + week) % 20), true, index % 5 == 0 ? "说了期中考试的情况" : "");
  }
  /** What the teacher writes in the task's form, as the browser would post it ({@link DemoForms}). */
  Map<String, List<String>> form(String taskKey, LocalDate day) {
    return DemoForms.form(this, taskKey, day);
  }
}
