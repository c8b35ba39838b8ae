package org.careflow.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careflow.enrolment.ChildCaseProcess;
import org.careflow.family.FamilyTiesProcess;
import org.careflow.support.SupportPlanProcess;

/**
 * What the demo school's teachers write in each task's form for one child, as the browser would post
 * it: the archive, visits, talks, family ties, reviews and support plans, varied by the child's number
 * and the day so that every child's file reads differently. Deterministic, as the demo must be.
 */
final class DemoForms {

  private static final String[] CITIES = {"广东深圳", "广东东莞", "浙江宁波", "福建厦门", "上海", "江苏苏州"};
  private static final String[] EMPLOYERS = {"电子厂", "建筑工地", "服装厂", "物流公司", "餐馆", "家具厂"};
  private static final String[] GUARDIANS = {"祖母", "祖父", "外祖母", "外祖父"};
  private static final String[] PERSONALITY = {"内向，话不多", "活泼开朗", "懂事，做事认真", "比较敏感", "好动，注意力不集中", "有礼貌，爱帮助同学"};
  private static final String[] INTERESTS = {"画画", "踢足球", "看书", "唱歌", "跳绳", "下象棋"};

  private DemoForms() {}

  /** What the teacher writes in the task's form, as the browser would post it. */
  static Map<String, List<String>> form(DemoChild k, String taskKey, LocalDate day) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    String[] moods = {"CALM", "HAPPY", "CALM", "LOW", "CALM", "ANXIOUS"};
    switch (taskKey) {
      case ChildCaseProcess.TASK_REGISTER -> archive(k, f, day);
      case ChildCaseProcess.TASK_VERIFICATION_VISIT -> {
        put(f, "visitDate", day.toString());
        put(f, "metWith", GUARDIANS[k.index % 4] + "和孩子");
        put(f, "homeConditions", k.index % 3 == 0 ? "住房为两层砖房，家中有一台电视，孩子有独立书桌。" : "与祖辈同住，家务较多，学习环境一般。");
        put(f, "guardianHealth", k.index % 4 == 1 ? "FAIR" : "GOOD");
        put(f, "concerns", k.index % 3 == 1 ? "祖辈文化程度不高，难以辅导作业。" : "");
        put(f, "archiveConfirmed", "true");
      }
      case ChildCaseProcess.TASK_ASSIGN_MENTOR -> put(f, "note", "按帮扶人数均衡安排");
      case ChildCaseProcess.TASK_FIRST_MEETING -> {
        put(f, "meetingDate", day.toString());
        put(f, "mood", moods[k.index % 6]);
        put(f, "notes", "第一次见面，孩子有些拘谨，聊了学习和家里的情况。");
        put(f, "plan", "每周四午休时间谈心一次，重点关注" + (k.index % 2 == 0 ? "数学作业" : "与同学相处"));
      }
      case ChildCaseProcess.TASK_MONTHLY_TALK -> {
        put(f, "talkDate", day.toString());
        if (k.atRisk) {
          f.put("topics", List.of("emotions", "friends", "study"));
          put(f, "mood", day.getDayOfMonth() % 2 == 0 ? "LOW" : "ANGRY");
          put(f, "concerns", "和同学发生冲突，上课注意力不集中，说想去找爸爸妈妈。");
          put(f, "followUp", "每周谈心，与心理老师一起跟进。");
          put(f, "incidents", day.getDayOfMonth() <= 14 ? "2" : "1");
          put(f, "daysMissed", "1");
          put(f, "parentsInformed", "true");
          return f;
        }
        f.put("topics", k.index % 2 == 0 ? List.of("study", "life") : List.of("emotions", "friends", "health"));
        // a low mood at most once in three months: the other children stay at low or medium risk
        String mood = new String[] {"CALM", "HAPPY", "CALM", "LOW", "CALM", "HAPPY"}[(k.index + day.getMonthValue()) % 6];
        put(f, "mood", mood);
        put(f, "concerns", mood.equals("LOW") ? "想念父母，情绪低落。" : "");
        put(f, "followUp", "下周再了解一次，并与家长电话沟通。");
        put(f, "parentsInformed", k.index % 3 == 0 ? "false" : "true");
      }
      case ChildCaseProcess.TASK_WEEKLY_CHECK_IN -> {
        put(f, "checkInDate", day.toString());
        f.put("topics", List.of(k.index % 2 == 0 ? "study" : "life"));
        put(f, "mood", moods[(k.index + day.getDayOfMonth()) % 6]);
        put(f, "notes", "作业完成情况良好，聊了周末的安排。");
      }
      case FamilyTiesProcess.TASK_FEEDBACK -> {
        put(f, "feedbackDate", day.toString());
        // the family whose parents cannot be reached gets the month's news by message (no call gets through)
        put(f, "channel", k.parentsUnreachable ? "MESSAGE" : k.index % 3 == 0 ? "VIDEO" : "PHONE");
        put(f, "summary", k.index % 2 == 0 ? "本月作业按时完成，数学单元测验有进步；生活上能自己整理书包。" : "本月情绪比较稳定，和同学相处融洽；提醒家长多打电话。");
      }
      case FamilyTiesProcess.TASK_LETTER -> {
        put(f, "letterDate", day.toString());
        put(f, "channel", k.index % 2 == 0 ? "PHOTO" : "POST");
        put(f, "summary", "孩子在信里讲了学校的生活和想念爸爸妈妈，父亲回了电话。");
      }
      case FamilyTiesProcess.TASK_VISIT -> {
        put(f, "visitDate", day.toString());
        put(f, "metWith", GUARDIANS[k.index % 4] + "和孩子");
        put(f, "homeConditions", "家中整洁，孩子有学习的地方；冬衣已备好。");
        put(f, "guardianHealth", k.index % 4 == 2 ? "FAIR" : "GOOD");
        put(f, "concerns", k.index % 3 == 2 ? "祖辈年纪大，接送孩子吃力。" : "");
      }
      case FamilyTiesProcess.TASK_UNREACHABLE -> {
        put(f, "searchDate", day.toString());
        put(f, "outcome", "REACHED");
        put(f, "parent", "MOTHER");
        put(f, "summary", "通过务工单位联系上了母亲。");
      }
      case ChildCaseProcess.TASK_TERM_REVIEW -> {
        put(f, "progress", "本学期学习习惯有明显进步，能按时完成作业，和同学关系融洽。");
        put(f, "rankBefore", Integer.toString(20 + k.index % 10));
        put(f, "rankAfter", Integer.toString(15 + k.index % 10));
        put(f, "outcome", k.reviewOutcome);
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

  private static void archive(DemoChild k, Map<String, List<String>> f, LocalDate day) {
    int i = k.index;
    put(f, "consentGiven", "true");
    put(f, "consentBy", guardianName(k));
    put(f, "consentMethod", i % 2 == 0 ? "WRITTEN" : "IN_PERSON");
    put(f, "studentNo", "2026" + (k.grade * 100 + i + 1));
    put(f, "name", k.name);
    put(f, "sex", i % 2 == 0 ? "M" : "F");
    put(f, "birthDate", LocalDate.of(k.today.getYear() - 6 - k.grade, 1 + i % 12, 1 + (i * 7) % 28).toString());
    put(f, "careType", k.careType);
    put(f, "boarding", i % 4 == 0 ? "true" : "false");
    put(f, "homeAddress", "青山镇" + (i % 2 == 0 ? "石桥村" : "河口村") + (i + 3) + "组");
    put(f, "personality", PERSONALITY[i % 6]);
    put(f, "interests", INTERESTS[(i + 2) % 6]);
    put(f, "health", i % 7 == 3 ? "有过敏性哮喘，随身带药" : "健康");
    put(f, "academicStanding", i % 3 == 0 ? "中等偏下，数学较弱" : "中等");
    put(f, "fatherName", k.name.charAt(0) + "建" + "军华明伟强平".charAt(i % 6));
    put(f, "fatherPhone", "13" + (8 + i % 2) + String.format("%08d", 10_000_000 + i * 7919));
    put(f, "fatherWorkplace", CITIES[i % 6]);
    put(f, "fatherEmployerAddress", CITIES[i % 6] + EMPLOYERS[i % 6]);
    put(f, "fatherEmployerPhone", "0755-" + (26_000_000 + i * 1301));
    put(f, "fatherAwaySince", day.minusMonths(8 + i % 30).withDayOfMonth(1).toString());
    if (!k.careType.equals("SINGLE_PARENT_AWAY")) {
      put(f, "motherName", "何林吴郑罗谢".charAt(i % 6) + "秀娟");
      put(f, "motherPhone", "15" + (1 + i % 8) + String.format("%08d", 20_000_000 + i * 6007));
      put(f, "motherWorkplace", CITIES[(i + 1) % 6]);
      if (!k.careType.equals("ONE_AWAY")) {
        put(f, "motherAwaySince", day.minusMonths(6 + i % 20).withDayOfMonth(1).toString());
      }
    }
    put(f, "guardianName", guardianName(k));
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
  private static String guardianName(DemoChild k) {
    String[] called = {"奶奶", "爷爷", "外婆", "外公"};
    return (k.index % 4 < 2 ? k.name.charAt(0) : "何林吴郑罗谢".charAt(k.index % 6)) + called[k.index % 4];
  }

  private static void put(Map<String, List<String>> f, String key, String value) {
    f.put(key, List.of(value));
  }
}
