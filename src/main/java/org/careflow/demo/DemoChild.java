package org.careflow.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  private static final String[] CITIES = {"广东深圳", "广东东莞", "浙江宁波", "福建厦门", "上海", "江苏苏州"};
  private static final String[] EMPLOYERS = {"电子厂", "建筑工地", "服装厂", "物流公司", "餐馆", "家具厂"};
  private static final String[] GUARDIANS = {"祖母", "祖父", "外祖母", "外祖父"};
  private static final String[] PERSONALITY = {"内向，话不多", "活泼开朗", "懂事，做事认真", "比较敏感", "好动，注意力不集中", "有礼貌，爱帮助同学"};
  private static final String[] INTERESTS = {"画画", "踢足球", "看书", "唱歌", "跳绳", "下象棋"};

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
  private final LocalDate today;

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

  /** What the teacher writes in the task's form, as the browser would post it. */
  Map<String, List<String>> form(String taskKey, LocalDate day) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    String[] moods = {"CALM", "HAPPY", "CALM", "LOW", "CALM", "ANXIOUS"};
    switch (taskKey) {
      case ChildCaseProcess.TASK_REGISTER -> archive(f, day);
      case ChildCaseProcess.TASK_VERIFICATION_VISIT -> {
        put(f, "visitDate", day.toString());
        put(f, "metWith", GUARDIANS[index % 4] + "和孩子");
        put(f, "homeConditions", index % 3 == 0 ? "住房为两层砖房，家中有一台电视，孩子有独立书桌。" : "与祖辈同住，家务较多，学习环境一般。");
        put(f, "guardianHealth", index % 4 == 1 ? "FAIR" : "GOOD");
        put(f, "concerns", index % 3 == 1 ? "祖辈文化程度不高，难以辅导作业。" : "");
        put(f, "archiveConfirmed", "true");
      }
      case ChildCaseProcess.TASK_ASSIGN_MENTOR -> put(f, "note", "按帮扶人数均衡安排");
      case ChildCaseProcess.TASK_FIRST_MEETING -> {
        put(f, "meetingDate", day.toString());
        put(f, "mood", moods[index % 6]);
        put(f, "notes", "第一次见面，孩子有些拘谨，聊了学习和家里的情况。");
        put(f, "plan", "每周四午休时间谈心一次，重点关注" + (index % 2 == 0 ? "数学作业" : "与同学相处"));
      }
      case ChildCaseProcess.TASK_MONTHLY_TALK -> {
        put(f, "talkDate", day.toString());
        if (atRisk) {
          f.put("topics", List.of("emotions", "friends", "study"));
          put(f, "mood", day.getDayOfMonth() % 2 == 0 ? "LOW" : "ANGRY");
          put(f, "concerns", "和同学发生冲突，上课注意力不集中，说想去找爸爸妈妈。");
          put(f, "followUp", "每周谈心，与心理老师一起跟进。");
          put(f, "incidents", day.getDayOfMonth() <= 14 ? "2" : "1");
          put(f, "daysMissed", "1");
          put(f, "parentsInformed", "true");
          return f;
        }
        f.put("topics", index % 2 == 0 ? List.of("study", "life") : List.of("emotions", "friends", "health"));
        // a low mood at most once in three months: the other children stay at low or medium risk
        String mood = new String[] {"CALM", "HAPPY", "CALM", "LOW", "CALM", "HAPPY"}[(index + day.getMonthValue()) % 6];
        put(f, "mood", mood);
        put(f, "concerns", mood.equals("LOW") ? "想念父母，情绪低落。" : "");
        put(f, "followUp", "下周再了解一次，并与家长电话沟通。");
        put(f, "parentsInformed", index % 3 == 0 ? "false" : "true");
      }
      case ChildCaseProcess.TASK_WEEKLY_CHECK_IN -> {
        put(f, "checkInDate", day.toString());
        f.put("topics", List.of(index % 2 == 0 ? "study" : "life"));
        put(f, "mood", moods[(index + day.getDayOfMonth()) % 6]);
        put(f, "notes", "作业完成情况良好，聊了周末的安排。");
      }
      case FamilyTiesProcess.TASK_FEEDBACK -> {
        put(f, "feedbackDate", day.toString());
        // the family whose parents cannot be reached gets the month's news by message (no call gets through)
        put(f, "channel", parentsUnreachable ? "MESSAGE" : index % 3 == 0 ? "VIDEO" : "PHONE");
        put(f, "summary", index % 2 == 0 ? "本月作业按时完成，数学单元测验有进步；生活上能自己整理书包。" : "本月情绪比较稳定，和同学相处融洽；提醒家长多打电话。");
      }
      case FamilyTiesProcess.TASK_LETTER -> {
        put(f, "letterDate", day.toString());
        put(f, "channel", index % 2 == 0 ? "PHOTO" : "POST");
        put(f, "summary", "孩子在信里讲了学校的生活和想念爸爸妈妈，父亲回了电话。");
      }
      case FamilyTiesProcess.TASK_VISIT -> {
        put(f, "visitDate", day.toString());
        put(f, "metWith", GUARDIANS[index % 4] + "和孩子");
        put(f, "homeConditions", "家中整洁，孩子有学习的地方；冬衣已备好。");
        put(f, "guardianHealth", index % 4 == 2 ? "FAIR" : "GOOD");
        put(f, "concerns", index % 3 == 2 ? "祖辈年纪大，接送孩子吃力。" : "");
      }
      case FamilyTiesProcess.TASK_UNREACHABLE -> {
        put(f, "searchDate", day.toString());
        put(f, "outcome", "REACHED");
        put(f, "parent", "MOTHER");
        put(f, "summary", "通过务工单位联系上了母亲。");
      }
      case ChildCaseProcess.TASK_TERM_REVIEW -> {
        put(f, "progress", "本学期学习习惯有明显进步，能按时完成作业，和同学关系融洽。");
        put(f, "rankBefore", Integer.toString(20 + index % 10));
        put(f, "rankAfter", Integer.toString(15 + index % 10));
        put(f, "outcome", reviewOutcome);
        put(f, "summary", "继续关注学习和情绪，下学期保持每月谈心与每周帮扶。");
      }
      case SupportPlanProcess.TASK_WRITE -> {
        put(f, "problems", "情绪低落、易怒，近期多次与同学冲突，学习注意力下降；父母在外务工，很少联系。");
        put(f, "goals", "一个月内不再与同学冲突；情绪稳定；按时完成作业。");
        put(f, "actions", "心理老师每周个别辅导一次；班主任每周谈心；帮扶教师每天课后陪伴作业；每周安排一次亲情电话。");
        put(f, "responsibilities", "心理老师孙敏：个别辅导；班主任李秀英：每周谈心、联系家长；帮扶教师：作业辅导；祖母：每天陪伴、按时接送。");
      }
      case SupportPlanProcess.TASK_REVIEW -> {
        put(f, "reviewDate", day.toString());
        put(f, "progress", "本周冲突减少，情绪仍有起伏；和父母通了一次视频电话。");
        put(f, "recommendation", "continue");
        put(f, "nextSteps", "继续每周辅导和谈心。");
      }
      case ChildCaseProcess.TASK_TERM_SIGN_OFF -> {
        put(f, "decision", "approve");
        put(f, "comment", "同意。");
      }
      default -> { }
    }
    return f;
  }

  private void archive(Map<String, List<String>> f, LocalDate day) {
    int i = index;
    put(f, "consentGiven", "true");
    put(f, "consentBy", guardianName());
    put(f, "consentMethod", i % 2 == 0 ? "WRITTEN" : "IN_PERSON");
    put(f, "studentNo", "2026" + (grade * 100 + i + 1));
    put(f, "name", name);
    put(f, "sex", i % 2 == 0 ? "M" : "F");
    put(f, "birthDate", LocalDate.of(today.getYear() - 6 - grade, 1 + i % 12, 1 + (i * 7) % 28).toString());
    put(f, "careType", careType);
    put(f, "boarding", i % 4 == 0 ? "true" : "false");
    put(f, "homeAddress", "青山镇" + (i % 2 == 0 ? "石桥村" : "河口村") + (i + 3) + "组");
    put(f, "personality", PERSONALITY[i % 6]);
    put(f, "interests", INTERESTS[(i + 2) % 6]);
    put(f, "health", i % 7 == 3 ? "有过敏性哮喘，随身带药" : "健康");
    put(f, "academicStanding", i % 3 == 0 ? "中等偏下，数学较弱" : "中等");
    put(f, "fatherName", name.charAt(0) + "建" + "军华明伟强平".charAt(i % 6));
    put(f, "fatherPhone", "13" + (8 + i % 2) + String.format("%08d", 10_000_000 + i * 7919));
    put(f, "fatherWorkplace", CITIES[i % 6]);
    put(f, "fatherEmployerAddress", CITIES[i % 6] + EMPLOYERS[i % 6]);
    put(f, "fatherEmployerPhone", "0755-" + (26_000_000 + i * 1301));
    put(f, "fatherAwaySince", day.minusMonths(8 + i % 30).withDayOfMonth(1).toString());
    if (!careType.equals("SINGLE_PARENT_AWAY")) {
      put(f, "motherName", "何林吴郑罗谢".charAt(i % 6) + "秀娟");
      put(f, "motherPhone", "15" + (1 + i % 8) + String.format("%08d", 20_000_000 + i * 6007));
      put(f, "motherWorkplace", CITIES[(i + 1) % 6]);
      if (!careType.equals("ONE_AWAY")) {
        put(f, "motherAwaySince", day.minusMonths(6 + i % 20).withDayOfMonth(1).toString());
      }
    }
    put(f, "guardianName", guardianName());
    put(f, "guardianRelationship", GUARDIANS[i % 4]);
    put(f, "guardianPhone", "18" + (7 + i % 3) + String.format("%08d", 30_000_000 + i * 4099));
    put(f, "guardianAge", Integer.toString(58 + i % 17));
    put(f, "guardianHealth", i % 5 == 2 ? "高血压，需常年服药" : "身体尚好");
    put(f, "guardianOccupation", "务农");
    put(f, "hardship", i % 6 == 4 ? "父亲工伤，家庭收入低" : "");
    put(f, "subsidy", i % 6 == 4 ? "true" : "false");
    put(f, "keySupport", i % 6 == 4 ? "true" : "false");
  }

  /** The guardian as the family calls them: 奶奶, 爷爷, 外婆 or 外公, by the relationship. */
  private String guardianName() {
    String[] called = {"奶奶", "爷爷", "外婆", "外公"};
    return (index % 4 < 2 ? name.charAt(0) : "何林吴郑罗谢".charAt(index % 6)) + called[index % 4];
  }

  private static void put(Map<String, List<String>> f, String key, String value) {
    f.put(key, List.of(value));
  }
}
