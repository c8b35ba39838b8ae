package org.careflow.myclass;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.family.ParentContact;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.inbox.InboxFilter;
import org.careflow.inbox.TaskWork;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.CaseRisk;
import org.careflow.talk.CheckInCatchUp;
import org.careflow.talk.TalkMonths;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My class" and "my mentees": one line per left-behind child in care with what a teacher checks at a
 * glance (this month's talk done or due, days since the parents were last reached, the open tasks, the
 * 关注等级). Scoped like the child's page: a class teacher sees the children of the classes they teach, a
 * mentor their mentees, nobody else's; every child listed is a read of the child's data and audited.
 */
@Service
public class MyClass {

  static final String AUDIT_WHAT = "my class";

  private final SchoolDirectory schools;
  private final CareCases cases;
  private final TaskWork work;
  private final TalkMonths talks;
  private final ParentContact contact;
  private final CheckInCatchUp catchUp;
  private final CareClock clock;
  private final Audit audit;
  private List<CaseRisk> risks = List.of();

  MyClass(SchoolDirectory schools, CareCases cases, TaskWork work, TalkMonths talks, ParentContact contact, CheckInCatchUp catchUp,
      CareClock clock, Audit audit) {
    this.schools = schools;
    this.cases = cases;
    this.work = work;
    this.talks = talks;
    this.contact = contact;
    this.catchUp = catchUp;
    this.clock = clock;
    this.audit = audit;
  }

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setRisks(List<CaseRisk> risks) {
    this.risks = risks;
  }

  /**
   * One child: {@code talkDone} this month's talk card is written; else {@code talkTask} is this month's
   * open talk (or null); {@code daysSinceReached} null when no call ever got through; {@code risk} LOW,
   * MEDIUM, HIGH or null; {@code overdueCheckIns} the mentor's overdue weekly talks (mentor's list only).
   */
  public record Line(long childId, String childName, long caseId, String className, boolean talkDone, TaskWork.Row talkTask,
      Long daysSinceReached, List<TaskWork.Row> tasks, String risk, int overdueCheckIns) {}

  public record Group(long classId, String name, List<Line> lines) {}

  /** The classes this user teaches, each with its children in care. */
  @Transactional(readOnly = true)
  public List<Group> classes(CurrentUser u) {
    TaskWork.Worker w = new TaskWork.Worker(u.id(), u.roles(), u.isAdmin());
    List<Group> out = new ArrayList<>();
    for (SchoolClass sc : schools.classesOf(u.id())) {
      List<Long> ids = cases.openCaseIds(sc.getId(), null);
      Map<Long, List<TaskWork.Row>> tasks = byChild(work.inbox(w, new InboxFilter(null, sc.getId(), null), 0, 500).rows());
      out.add(new Group(sc.getId(), sc.getName(), lines(u, cases.withChildren(ids).values(), tasks, false)));
    }
    return out;
  }

  /** This mentor's mentees. */
  @Transactional(readOnly = true)
  public List<Line> mentees(CurrentUser u) {
    TaskWork.Worker w = new TaskWork.Worker(u.id(), u.roles(), u.isAdmin());
    Map<Long, List<TaskWork.Row>> tasks = byChild(work.inbox(w, InboxFilter.NONE, 0, 500).rows());
    List<CareCase> mine = cases.withChildren(cases.openCasesOfMentor(u.id())).values().stream()
        .filter(c -> u.id().equals(c.getMentor())).toList();
    return lines(u, mine, tasks, true);
  }

  private static Map<Long, List<TaskWork.Row>> byChild(List<TaskWork.Row> rows) {
    Map<Long, List<TaskWork.Row>> m = new HashMap<>();
    rows.stream().filter(r -> r.childId() != null).forEach(r -> m.computeIfAbsent(r.childId(), k -> new ArrayList<>()).add(r));
    return m;
  }

  private List<Line> lines(CurrentUser u, Collection<CareCase> list, Map<Long, List<TaskWork.Row>> tasks, boolean mentor) {
    List<Long> caseIds = list.stream().map(CareCase::getId).toList();
    YearMonth month = YearMonth.from(clock.today());
    Set<Long> talked = talks.talkedIn(caseIds, month.toString());
    Map<Long, CaseRisk.Risk> risk = new HashMap<>();
    risks.forEach(r -> risk.putAll(r.current(caseIds)));
    List<Line> out = new ArrayList<>();
    for (CareCase c : list) {
      long childId = c.getChild().getId();
      List<TaskWork.Row> open = tasks.getOrDefault(childId, List.of());
      TaskWork.Row talk = open.stream().filter(r -> "monthlyTalk".equals(r.taskKey()) && r.due() != null
          && YearMonth.from(clock.dayOf(r.due())).equals(month)).findFirst().orElse(null);
      CaseRisk.Risk rk = risk.get(c.getId());
      out.add(new Line(childId, c.getChild().getName(), c.getId(), c.getChild().getSchoolClass().getName(), talked.contains(c.getId()),
          talk, contact.daysSinceReached(childId).orElse(null), open, rk == null ? null : rk.level(),
          mentor ? catchUp.overdueCount(c.getId(), u.id()) : 0));
      audit.read(u.id(), childId, c.getId(), AUDIT_WHAT);
    }
    out.sort(Comparator.comparing(Line::childName));
    return out;
  }

  /** Whether the user has any task at all (their landing page is the inbox then). */
  @Transactional(readOnly = true)
  public boolean hasTasks(CurrentUser u) {
    return work.inbox(new TaskWork.Worker(u.id(), u.roles(), u.isAdmin()), InboxFilter.NONE, 0, 1).total() > 0;
  }
}
