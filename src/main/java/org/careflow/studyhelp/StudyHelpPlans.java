package org.careflow.studyhelp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.careflow.child.Child;
import org.careflow.child.ChildRepository;
import org.careflow.identity.Accounts;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Teacher;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study-help plans (学习帮扶计划): the coordinator or the class teacher gives a subject teacher of the school
 * a child to help in a subject, and ends the plan; the lists of the plans a teacher helps under or arranged.
 * Who may what is {@link StudyHelp}'s; each user action is one transaction, audited with the child.
 */
@Service
public class StudyHelpPlans {

  public record PlanView(StudyHelpPlan plan, String teacherName, List<StudyProgress> progress, boolean mayWrite) {}

  public record Helped(long childId, String childName, String className, List<StudyHelpPlan> plans) {}

  public record PlanForm(String teacher, String subject, String weeklyTime, String content, String goal) {}

  private final StudyHelp help;
  private final StudyHelpPlanRepository plans;
  private final StudyProgressRepository progress;
  private final ChildRepository children;
  private final SchoolDirectory schools;
  private final TermCalendar calendar;
  private final Accounts accounts;
  private final Audit audit;
  private final CareClock clock;

  StudyHelpPlans(StudyHelp help, StudyHelpPlanRepository plans, StudyProgressRepository progress, ChildRepository children,
      SchoolDirectory schools, TermCalendar calendar, Accounts accounts, Audit audit, CareClock clock) {
    this.help = help;
    this.plans = plans;
    this.progress = progress;
    this.children = children;
    this.schools = schools;
    this.calendar = calendar;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The plans of the child this user may see: all for whoever sees the child, their own for a helper. */
  @Transactional(readOnly = true)
  public List<PlanView> plansOf(CurrentUser u, long childId) {
    Child child = help.child(childId);
    boolean all = help.seesChild(u, child);
    boolean arranges = StudyHelp.mayArrange(u, child);
    List<StudyHelpPlan> list = plans.findByChildIdOrderByCreatedAtDesc(childId).stream()
        .filter(p -> all || (p.isActive() && p.getTeacher().equals(u.id()))).toList();
    return views(list, u, arranges);
  }

  private List<PlanView> views(List<StudyHelpPlan> list, CurrentUser u, boolean arranges) {
    Map<String, String> names = schools.teacherNames(list.stream().map(StudyHelpPlan::getTeacher).distinct().toList());
    List<Long> ids = list.stream().map(StudyHelpPlan::getId).toList();
    List<StudyProgress> entries = ids.isEmpty() ? List.of() : progress.findByPlanIdInOrderByProgressDateDescIdDesc(ids);
    List<PlanView> out = new ArrayList<>();
    for (StudyHelpPlan p : list) {
      out.add(new PlanView(p, names.getOrDefault(p.getTeacher(), p.getTeacher()),
          entries.stream().filter(e -> e.getPlanId().equals(p.getId())).toList(),
          p.isActive() && (arranges || p.getTeacher().equals(u.id()))));
    }
    return out;
  }

  /** The teachers of the child's school who can be given the child to help. */
  @Transactional(readOnly = true)
  public List<Teacher> helpers(Child child) {
    return schools.teachersOf(child.getSchoolClass().getSchool().getId()).stream().filter(Teacher::isActive).toList();
  }

  /** The children this user helps (the subject teacher's list), with their active plans. */
  @Transactional(readOnly = true)
  public List<Helped> helpedBy(String user) {
    List<StudyHelpPlan> list = plans.findByTeacherAndActiveTrueOrderByCreatedAt(user);
    Map<Long, Child> kids = new LinkedHashMap<>();
    children.findWithClassByIdIn(list.stream().map(StudyHelpPlan::getChildId).distinct().toList()).forEach(c -> kids.put(c.getId(), c));
    List<Helped> out = new ArrayList<>();
    list.stream().map(StudyHelpPlan::getChildId).distinct().forEach(id -> {
      Child c = kids.get(id);
      if (c != null) {
        out.add(new Helped(id, c.getName(), c.getSchoolClass().getName(),
            list.stream().filter(p -> p.getChildId().equals(id)).toList()));
      }
    });
    return out;
  }

  /** The active plans a coordinator (their schools) or class teacher (their classes) arranged. */
  @Transactional(readOnly = true)
  public List<StudyHelpPlan> arrangedBy(CurrentUser u) {
    List<StudyHelpPlan> out = new ArrayList<>();
    if (u.has(Roles.COORDINATOR) && !u.schools().isEmpty()) {
      out.addAll(plans.findBySchoolIdInAndActiveTrueOrderByCreatedAt(u.schools()));
    }
    List<Long> classes = schools.classesOf(u.id()).stream().map(SchoolClass::getId).toList();
    if (!classes.isEmpty()) {
      plans.findByClassIdInAndActiveTrueOrderByCreatedAt(classes).stream().filter(p -> !out.contains(p)).forEach(out::add);
    }
    return out;
  }

  /** A new plan: the subject teacher gets the child (and the subject-teacher role, if they lack it). */
  @Transactional
  public StudyHelpPlan plan(CurrentUser u, long childId, PlanForm f) {
    Child child = help.child(childId);
    if (!StudyHelp.mayArrange(u, child)) {
      throw new NotFoundException("child");
    }
    long school = child.getSchoolClass().getSchool().getId();
    FieldErrors errors = new FieldErrors();
    String teacher = blankToNull(f.teacher());
    if (teacher == null) {
      errors.reject("teacher", "validation.required");
    } else if (helpers(child).stream().noneMatch(t -> t.getUsername().equals(teacher))) {
      errors.reject("teacher", "studyHelp.notOfSchool");
    }
    String subject = errors.text("subject", f.subject(), 30, true);
    String weekly = errors.text("weeklyTime", f.weeklyTime(), 60, true);
    String content = errors.text("content", f.content(), 500, true);
    String goal = errors.text("goal", f.goal(), 500, true);
    Long term = null;
    try {
      term = calendar.termOn(school, clock.today()).getId();
    } catch (TermCalendar.NoTermException e) {
      errors.reject("subject", "studyHelp.noTerm");
    }
    if (errors.isEmpty() && plans.existsByChildIdAndTeacherAndSubjectAndActiveTrue(childId, teacher, subject)) {
      errors.reject("subject", "studyHelp.duplicate");
    }
    errors.throwIfAny();
    StudyHelpPlan p = plans.save(new StudyHelpPlan(childId, school, child.getSchoolClass().getId(), term, teacher, subject, weekly,
        content, goal, u.id(), clock.now()));
    if (!accounts.groupsOf(teacher).contains(Roles.SUBJECT_TEACHER)) {
      Set<String> roles = new TreeSet<>(accounts.rolesOf(teacher));
      roles.add(Roles.SUBJECT_TEACHER);
      accounts.setRoles(teacher, roles);
    }
    audit.change(u.id(), Audit.RECORD, childId, null, "study-help plan");
    return p;
  }

  /** Ends a plan: the helper no longer sees the child. */
  @Transactional
  public void end(CurrentUser u, long planId) {
    StudyHelpPlan p = help.plan(planId);
    if (!StudyHelp.mayArrange(u, help.child(p.getChildId()))) {
      throw new NotFoundException("plan");
    }
    p.end();
    audit.change(u.id(), Audit.RECORD, p.getChildId(), null, "study-help plan ended");
  }

  @Transactional(readOnly = true)
  public long childOfPlan(long planId) {
    return help.plan(planId).getChildId();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
