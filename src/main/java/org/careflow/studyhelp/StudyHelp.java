package org.careflow.studyhelp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.careflow.child.Child;
import org.careflow.child.ChildAccess;
import org.careflow.child.ChildArchive;
import org.careflow.child.CareCases;
import org.careflow.child.ChildRepository;
import org.careflow.identity.Accounts;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Teacher;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Study help (学习帮扶): the coordinator or the class teacher gives a subject teacher of the school a child to
 * help in a subject (the plan); the helper writes the child's progress file (进步档案) and checks the effect at
 * the term's end; the class teacher chooses the child's study buddy from any classmate and rates the buddy's
 * effect at the term review. Who may do what:
 * <ul>
 * <li>arrange (plans, buddies, ending a plan): the class teacher of the child's class, the coordinators of its
 * school, administrators;</li>
 * <li>write progress and check the effect: the plan's helper and those who arrange;</li>
 * <li>see: whoever sees the child's page, and the helper of an active plan, who sees their own plans of the
 * child only (least access: no archive, no case, no other records).</li>
 * </ul>
 * Every user action is validated first and written in one transaction, audited with the child.
 */
@Service
public class StudyHelp {

  public static final List<String> EFFECTS = List.of("CLEAR", "SOME", "NONE", "WORSE");

  private final StudyHelpPlanRepository plans;
  private final StudyProgressRepository progress;
  private final StudyBuddyRepository buddies;
  private final ChildArchive archive;
  private final ChildRepository children;
  private final CareCases cases;
  private final SchoolDirectory schools;
  private final TermCalendar calendar;
  private final Accounts accounts;
  private final Audit audit;
  private final CareClock clock;

  StudyHelp(StudyHelpPlanRepository plans, StudyProgressRepository progress, StudyBuddyRepository buddies, ChildArchive archive,
      ChildRepository children, CareCases cases, SchoolDirectory schools, TermCalendar calendar, Accounts accounts, Audit audit,
      CareClock clock) {
    this.plans = plans;
    this.progress = progress;
    this.buddies = buddies;
    this.archive = archive;
    this.children = children;
    this.cases = cases;
    this.schools = schools;
    this.calendar = calendar;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  // -- who may --------------------------------------------------------------------------------------

  /** The class teacher of the child's class, a coordinator of its school, an administrator. */
  public static boolean mayArrange(CurrentUser u, Child child) {
    long school = child.getSchoolClass().getSchool().getId();
    return u.isAdmin() || (u.has(Roles.COORDINATOR) && u.seesSchool(school)) || u.id().equals(child.getSchoolClass().getClassTeacher());
  }

  /** Whether this user helps the child under an active plan. */
  @Transactional(readOnly = true)
  public boolean helps(String user, long childId) {
    return plans.existsByTeacherAndChildIdAndActiveTrue(user, childId);
  }

  /** Whether the user sees the child's whole page (then every plan of the child too). */
  boolean seesChild(CurrentUser u, Child child) {
    return ChildAccess.maySee(u, child, cases.casesOfChild(child.getId()));
  }

  /** The child, if the user may see their study help at all; else 404, as if there were no such child. */
  Child visibleChild(CurrentUser u, long childId) {
    Child child = child(childId);
    if (!seesChild(u, child) && !helps(u.id(), childId)) {
      throw new NotFoundException("child");
    }
    return child;
  }

  private Child child(long childId) {
    try {
      return archive.child(childId);
    } catch (RuntimeException e) {
      throw new NotFoundException("child");
    }
  }

  private StudyHelpPlan plan(long planId) {
    return plans.findById(planId).orElseThrow(() -> new NotFoundException("plan"));
  }

  // -- reading ----------------------------------------------------------------------------------------

  public record PlanView(StudyHelpPlan plan, String teacherName, List<StudyProgress> progress, boolean mayWrite) {}

  public record BuddyView(StudyBuddy buddy, String buddyName, boolean mayRate) {}

  /** The plans of the child this user may see: all for whoever sees the child, their own for a helper. */
  @Transactional(readOnly = true)
  public List<PlanView> plansOf(CurrentUser u, long childId) {
    Child child = child(childId);
    boolean all = seesChild(u, child);
    boolean arranges = mayArrange(u, child);
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

  /** The child's buddies, newest first (the active one on top). Only for whoever sees the child's page. */
  @Transactional(readOnly = true)
  public List<BuddyView> buddiesOf(CurrentUser u, long childId) {
    Child child = child(childId);
    if (!seesChild(u, child)) {
      return List.of();
    }
    boolean arranges = mayArrange(u, child);
    List<StudyBuddy> list = buddies.findByChildIdOrderByChosenAtDesc(childId);
    Map<Long, String> names = names(list.stream().map(StudyBuddy::getBuddyChildId).toList());
    return list.stream().map(b -> new BuddyView(b, names.getOrDefault(b.getBuddyChildId(), ""), arranges)).toList();
  }

  /** The active buddies of a class: for the class's page. */
  @Transactional(readOnly = true)
  public List<Pair> buddiesOfClass(long classId) {
    List<StudyBuddy> list = buddies.findByClassIdAndActiveTrueOrderByChosenAt(classId);
    List<Long> ids = new ArrayList<>();
    list.forEach(b -> {
      ids.add(b.getChildId());
      ids.add(b.getBuddyChildId());
    });
    Map<Long, String> names = names(ids);
    return list.stream().map(b -> new Pair(b.getChildId(), names.getOrDefault(b.getChildId(), ""), b.getBuddyChildId(),
        names.getOrDefault(b.getBuddyChildId(), ""), b.getEffect())).toList();
  }

  public record Pair(long childId, String childName, long buddyId, String buddyName, String effect) {}

  private Map<Long, String> names(Collection<Long> childIds) {
    Map<Long, String> out = new java.util.HashMap<>();
    if (!childIds.isEmpty()) {
      children.findAllById(childIds).forEach(c -> out.put(c.getId(), c.getName()));
    }
    return out;
  }

  /** The classmates a buddy can be chosen from: every other child of the class. */
  @Transactional(readOnly = true)
  public List<Child> classmates(Child child) {
    return children.findBySchoolClassIdOrderByName(child.getSchoolClass().getId()).stream()
        .filter(c -> !c.getId().equals(child.getId()) && c.getAnonymisedAt() == null).toList();
  }

  /** The teachers of the child's school who can be given the child to help. */
  @Transactional(readOnly = true)
  public List<Teacher> helpers(Child child) {
    return schools.teachersOf(child.getSchoolClass().getSchool().getId()).stream().filter(Teacher::isActive).toList();
  }

  public record Helped(long childId, String childName, String className, List<StudyHelpPlan> plans) {}

  /** The children this user helps (the subject teacher's list), with their active plans. */
  @Transactional(readOnly = true)
  public List<Helped> helpedBy(String user) {
    List<StudyHelpPlan> list = plans.findByTeacherAndActiveTrueOrderByCreatedAt(user);
    Map<Long, Child> kids = new java.util.LinkedHashMap<>();
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
    List<Long> classes = schools.classesOf(u.id()).stream().map(org.careflow.school.SchoolClass::getId).toList();
    if (!classes.isEmpty()) {
      plans.findByClassIdInAndActiveTrueOrderByCreatedAt(classes).stream().filter(p -> !out.contains(p)).forEach(out::add);
    }
    return out;
  }

  /** Names of children by id, for lists. */
  @Transactional(readOnly = true)
  public Map<Long, String> childNames(Collection<Long> ids) {
    return names(ids);
  }

  // -- writing ----------------------------------------------------------------------------------------

  public record PlanForm(String teacher, String subject, String weeklyTime, String content, String goal) {}

  /** A new plan: the subject teacher gets the child (and the subject-teacher role, if they lack it). */
  @Transactional
  public StudyHelpPlan plan(CurrentUser u, long childId, PlanForm f) {
    Child child = child(childId);
    if (!mayArrange(u, child)) {
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
      Set<String> roles = new java.util.TreeSet<>(accounts.rolesOf(teacher));
      roles.add(Roles.SUBJECT_TEACHER);
      accounts.setRoles(teacher, roles);
    }
    audit.change(u.id(), Audit.RECORD, childId, null, "study-help plan");
    return p;
  }

  /** An entry of the progress file. */
  @Transactional
  public StudyProgress progress(CurrentUser u, long planId, LocalDate date, String improved) {
    StudyHelpPlan p = writable(u, planId);
    FieldErrors errors = new FieldErrors();
    if (date == null) {
      errors.reject("date", "validation.date");
    } else if (date.isAfter(clock.today())) {
      errors.reject("date", "validation.pastDate");
    } else if (date.isBefore(clock.today().minusDays(366))) {
      errors.reject("date", "validation.tooOld", 366);
    }
    String text = errors.text("improved", improved, 500, true);
    errors.throwIfAny();
    StudyProgress e = progress.save(new StudyProgress(p.getId(), p.getChildId(), date, text, u.id(), clock.now()));
    audit.change(u.id(), Audit.RECORD, p.getChildId(), null, "study progress");
    return e;
  }

  /** The check of the plan's effect (at the term's end; it may be corrected later). */
  @Transactional
  public void checkEffect(CurrentUser u, long planId, String effect, String note) {
    StudyHelpPlan p = writable(u, planId);
    FieldErrors errors = new FieldErrors();
    if (effect == null || !EFFECTS.contains(effect)) {
      errors.reject("effect", "validation.option");
    }
    String text = errors.text("note", note, 500, false);
    errors.throwIfAny();
    p.checkEffect(effect, text, u.id(), clock.now());
    audit.change(u.id(), Audit.RECORD, p.getChildId(), null, "study-help effect");
  }

  /** Ends a plan: the helper no longer sees the child. */
  @Transactional
  public void end(CurrentUser u, long planId) {
    StudyHelpPlan p = plan(planId);
    if (!mayArrange(u, child(p.getChildId()))) {
      throw new NotFoundException("plan");
    }
    p.end();
    audit.change(u.id(), Audit.RECORD, p.getChildId(), null, "study-help plan ended");
  }

  private StudyHelpPlan writable(CurrentUser u, long planId) {
    StudyHelpPlan p = plan(planId);
    Child child = child(p.getChildId());
    boolean mine = p.getTeacher().equals(u.id());
    if (!(mine && p.isActive()) && !mayArrange(u, child)) {
      throw new NotFoundException("plan");
    }
    if (!p.isActive()) {
      FieldErrors errors = new FieldErrors();
      errors.reject("plan", "studyHelp.planEnded");
      errors.throwIfAny();
    }
    return p;
  }

  /** The class teacher chooses the child's study buddy: any other child of the class. */
  @Transactional
  public StudyBuddy chooseBuddy(CurrentUser u, long childId, Long buddyChildId) {
    Child child = child(childId);
    if (!mayArrange(u, child)) {
      throw new NotFoundException("child");
    }
    FieldErrors errors = new FieldErrors();
    if (buddyChildId == null) {
      errors.reject("buddy", "validation.required");
    } else if (classmates(child).stream().noneMatch(c -> c.getId().equals(buddyChildId))) {
      errors.reject("buddy", "studyHelp.notClassmate");
    }
    Long term = null;
    try {
      term = calendar.termOn(child.getSchoolClass().getSchool().getId(), clock.today()).getId();
    } catch (TermCalendar.NoTermException e) {
      errors.reject("buddy", "studyHelp.noTerm");
    }
    errors.throwIfAny();
    List<StudyBuddy> current = buddies.findByChildIdAndActiveTrue(childId);
    if (current.stream().anyMatch(b -> b.getBuddyChildId().equals(buddyChildId))) {
      return current.get(0); // the same buddy again: nothing changes
    }
    current.forEach(StudyBuddy::end);
    StudyBuddy b = buddies.save(new StudyBuddy(childId, buddyChildId, child.getSchoolClass().getId(), term, u.id(), clock.now()));
    audit.change(u.id(), Audit.RECORD, childId, null, "study buddy");
    return b;
  }

  /** The buddy's effect, rated by the class teacher (at the term review). */
  @Transactional
  public StudyBuddy rateBuddy(CurrentUser u, long buddyId, String effect, String note) {
    StudyBuddy b = buddies.findById(buddyId).orElseThrow(() -> new NotFoundException("buddy"));
    if (!mayArrange(u, child(b.getChildId()))) {
      throw new NotFoundException("buddy");
    }
    FieldErrors errors = new FieldErrors();
    if (effect == null || !EFFECTS.contains(effect)) {
      errors.reject("effect", "validation.option");
    }
    String text = errors.text("note", note, 500, false);
    errors.throwIfAny();
    b.rate(effect, text, u.id(), clock.now());
    audit.change(u.id(), Audit.RECORD, b.getChildId(), null, "study buddy effect");
    return b;
  }

  /** The child a buddy row is about (for redirects). */
  @Transactional(readOnly = true)
  public long childOfBuddy(long buddyId) {
    return buddies.findById(buddyId).orElseThrow(() -> new NotFoundException("buddy")).getChildId();
  }

  @Transactional(readOnly = true)
  public long childOfPlan(long planId) {
    return plan(planId).getChildId();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

}
