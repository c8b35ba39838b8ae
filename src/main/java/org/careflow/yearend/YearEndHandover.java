package org.careflow.yearend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.identity.Audit;
import org.careflow.guardianmeeting.GuardianMeetings;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Teacher;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year-end handover (学年末交接): the coordinator promotes classes in bulk. A class becomes the
 * next grade under its new name (三年级(1)班 → 四年级(1)班), perhaps with a new class teacher; its
 * children, their running cases and their mentor pairings stay with it (they hang off the class and
 * the case, not the teacher); the old teacher's open tasks of those cases and of the class's guardian
 * meeting go to the new teacher's inbox; every child gets a handover row (the old teacher's note, if
 * written) on its history. The top grade ({@code careflow.handover.top-grade}, 6 for a primary school)
 * graduates: its open cases are closed with the reason GRADUATED and the class is renamed
 * 六年级(1)班（2027届毕业）, which frees its name for the class promoted into it. All
 * classes are checked first; one transaction promotes them all or none.
 */
@Service
public class YearEndHandover {

  private static final String GRADES = "一二三四五六七八九";
  private static final Pattern GRADE_NAME = Pattern.compile("^([一二三四五六七八九])年级");
  private static final List<String> CASE_PROCESSES = org.careflow.shared.CaseProcesses.KEYS;

  private final SchoolDirectory schools;
  private final SchoolClassRepository classes;
  private final CareCases cases;
  private final CaseLifecycle lifecycle;
  private final HandoverNoteRepository notes;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final GuardianMeetings guardianMeetings;
  private final CareClock clock;
  private final Audit audit;
  private final int topGrade;
  private final org.careflow.identity.Accounts accounts;
  private final org.careflow.identity.ScopeAuthorizations scopeGrants;

  YearEndHandover(org.careflow.identity.Accounts accounts, org.careflow.identity.ScopeAuthorizations scopeGrants, SchoolDirectory schools, SchoolClassRepository classes, CareCases cases, CaseLifecycle lifecycle, HandoverNoteRepository notes,
      TaskService tasks, RuntimeService runtime, GuardianMeetings guardianMeetings, CareClock clock, Audit audit,
      @Value("${careflow.handover.top-grade:6}") int topGrade) {
    this.schools = schools;
    this.classes = classes;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.notes = notes;
    this.tasks = tasks;
    this.runtime = runtime;
    this.guardianMeetings = guardianMeetings;
    this.clock = clock;
    this.audit = audit;
    this.topGrade = topGrade;
    this.accounts = accounts;
    this.scopeGrants = scopeGrants;
  }

  /** What the coordinator decided for one class: its new name and class teacher (ignored for the top grade). */
  public record Plan(long classId, String newName, String newTeacher) {}

  public record Result(int promoted, int graduated, int tasksMoved, int casesClosed) {}

  public int topGrade() {
    return topGrade;
  }

  /** The next grade's name: 三年级(1)班 → 四年级(1)班; null when the name does not start with a grade. */
  public static String nextName(String name) {
    Matcher m = GRADE_NAME.matcher(name);
    if (!m.find()) {
      return null;
    }
    int i = GRADES.indexOf(m.group(1));
    return i + 1 >= GRADES.length() ? null : GRADES.charAt(i + 1) + name.substring(1);
  }

  /** The old class teacher's note for the new one, about one child of their class (before the promotion). */
  @Transactional
  public void writeNote(long childId, String teacher, String text) {
    CareCase any = cases.casesOfChild(childId).stream().findFirst()
        .orElseThrow(() -> new org.careflow.shared.NotFoundException("child"));
    SchoolClass sc = any.getChild().getSchoolClass();
    if (!teacher.equals(sc.getClassTeacher())) {
      throw new org.careflow.shared.NotFoundException("child");
    }
    String t = text == null ? "" : text.strip();
    if (t.length() > 1000) {
      throw InvalidInputException.of("note", "validation.tooLong", 1000);
    }
    HandoverNote n = notes.findByChildIdAndPromotedAtIsNull(childId).orElseGet(() -> new HandoverNote(childId, sc.getId(), teacher));
    n.write(t.isEmpty() ? null : t, clock.now());
    notes.save(n);
  }

  @Transactional(readOnly = true)
  public Map<Long, String> pendingNotes(long classId) {
    Map<Long, String> out = new HashMap<>();
    notes.findByClassIdAndPromotedAtIsNull(classId).forEach(n -> {
      if (n.getNote() != null) {
        out.put(n.getChildId(), n.getNote());
      }
    });
    return out;
  }

  /**
   * Whom a class may have as its class teacher after the handover: the school's staff with the class
   * teacher's role (not the counsellor or the coordinator), and the class's own teacher.
   */
  public List<Teacher> classTeacherChoices(long schoolId) {
    Set<String> classTeachers = new HashSet<>(accounts.members(org.careflow.identity.Roles.TEACHER));
    return schools.teachersOf(schoolId).stream().filter(t -> classTeachers.contains(t.getUsername())).toList();
  }

  /** Checks every plan, then promotes (or graduates) every planned class, highest grade first, in one transaction. */
  @Transactional
  public Result promote(long schoolId, List<Plan> plans, String actor) {
    check(schoolId, plans);
    return promoteChecked(schoolId, plans, actor);
  }

  /** Checks the plans as {@link #promote} does and writes nothing: for the confirmation step. */
  @Transactional(readOnly = true)
  public void check(long schoolId, List<Plan> plans) {
    FieldErrors errors = new FieldErrors();
    if (plans.isEmpty()) {
      errors.reject("classes", "handover.noneChosen");
    }
    Map<Long, SchoolClass> byId = new HashMap<>();
    Set<String> teachers = new HashSet<>();
    for (Teacher t : classTeacherChoices(schoolId)) {
      teachers.add(t.getUsername());
    }
    List<SchoolClass> all = classes.findBySchoolIdOrderByGradeAscNameAsc(schoolId);
    all.forEach(c -> byId.put(c.getId(), c));
    Set<Long> planned = new HashSet<>();
    Map<String, Long> newNames = new HashMap<>();
    for (Plan p : plans) {
      SchoolClass c = byId.get(p.classId());
      String key = "class-" + p.classId();
      if (c == null || !planned.add(p.classId())) {
        errors.reject(key, "validation.option");
        continue;
      }
      if (c.getGrade() >= topGrade) {
        continue; // graduates: no new name or teacher
      }
      String name = p.newName() == null ? "" : p.newName().strip();
      if (name.isEmpty()) {
        errors.reject(key, "handover.nameRequired");
      } else if (name.length() > 50) {
        errors.reject(key, "validation.tooLong", 50);
      } else if (newNames.put(name, c.getId()) != null) {
        errors.reject(key, "handover.nameTwice", name);
      }
      if (p.newTeacher() == null || !(teachers.contains(p.newTeacher()) || p.newTeacher().equals(c.getClassTeacher()))) {
        errors.reject(key, "handover.teacher");
      }
    }
    // a new name may be taken only by a class that is itself promoted (and so renamed) or graduates
    for (SchoolClass other : all) {
      Long wants = newNames.get(other.getName());
      if (wants != null && !wants.equals(other.getId()) && !planned.contains(other.getId())) {
        errors.reject("class-" + wants, "handover.nameTaken", other.getName());
      }
    }
    errors.throwIfAny();
  }

  private Result promoteChecked(long schoolId, List<Plan> plans, String actor) {
    Map<Long, SchoolClass> byId = new HashMap<>();
    classes.findBySchoolIdOrderByGradeAscNameAsc(schoolId).forEach(c -> byId.put(c.getId(), c));
    int promoted = 0;
    int graduated = 0;
    int moved = 0;
    int closed = 0;
    List<SchoolClass> order = plans.stream().map(p -> byId.get(p.classId()))
        .sorted(Comparator.comparingInt(SchoolClass::getGrade).reversed()).toList();
    Map<Long, Plan> planOf = new HashMap<>();
    plans.forEach(p -> planOf.put(p.classId(), p));
    for (SchoolClass c : order) {
      String before = c.getName();
      String oldTeacher = c.getClassTeacher();
      List<CareCase> open = cases.openCasesOfClass(c.getId());
      Map<Long, HandoverNote> pending = new HashMap<>();
      notes.findByClassIdAndPromotedAtIsNull(c.getId()).forEach(n -> pending.put(n.getChildId(), n));
      if (c.getGrade() >= topGrade) {
        for (CareCase cc : open) {
          lifecycle.close(cc.getId(), "GRADUATED", before, actor);
          closed++;
        }
        String after = before + "（" + clock.today().getYear() + "届毕业）";
        c.graduate(after);
        classes.saveAndFlush(c); // frees the name for the class promoted into it
        for (CareCase cc : open) {
          record(pending, cc.getChild().getId(), c, oldTeacher, "GRADUATED", before, after, null, actor);
        }
        graduated++;
        continue;
      }
      Plan p = planOf.get(c.getId());
      String name = p.newName().strip();
      c.promote(name, p.newTeacher());
      classes.saveAndFlush(c); // one class at a time, highest grade first: names never collide on the way
      accounts.setClassTeacher(c.getId(), p.newTeacher()); // the class's group: the engine's grants follow
      if (!p.newTeacher().equals(oldTeacher)) {
        moved += reassign(c, open, oldTeacher, p.newTeacher());
      }
      for (CareCase cc : open) {
        record(pending, cc.getChild().getId(), c, oldTeacher, "PROMOTED", before, name, p.newTeacher(), actor);
        audit.change(actor, Audit.RECORD, cc.getChild().getId(), cc.getId(), "handover " + before + " -> " + name);
      }
      promoted++;
    }
    return new Result(promoted, graduated, moved, closed);
  }

  private List<Long> allClassIds(long schoolId) {
    return classes.findBySchoolIdOrderByGradeAscNameAsc(schoolId).stream().map(SchoolClass::getId).sorted().toList();
  }

  private void record(Map<Long, HandoverNote> pending, long childId, SchoolClass c, String from, String outcome, String before,
      String after, String to, String actor) {
    HandoverNote n = pending.getOrDefault(childId, new HandoverNote(childId, c.getId(), from));
    n.promoted(outcome, before, after, to, actor, clock.now());
    notes.save(n);
  }

  /**
   * The old teacher's open tasks of the class's open cases (the case and its family ties) and of the
   * class's guardian meetings go to the new teacher. Tasks still to come read the class teacher from
   * the class when they are created, so they need nothing.
   */
  private int reassign(SchoolClass c, List<CareCase> open, String from, String to) {
    Set<String> keys = new HashSet<>();
    open.forEach(cc -> keys.add(cc.getId().toString()));
    Set<String> meetings = new HashSet<>();
    guardianMeetings.meetingsOf(c.getId()).forEach(m -> meetings.add(m.getId().toString()));
    int n = 0;
    for (Task t : tasks.createTaskQuery().taskAssignee(from).active().list()) {
      var pi = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
      String processKey = t.getProcessDefinitionId().substring(0, t.getProcessDefinitionId().indexOf(':'));
      boolean ofCase = CASE_PROCESSES.contains(processKey) && keys.contains(pi.getBusinessKey());
      boolean ofMeeting = "guardian-meeting".equals(processKey) && meetings.contains(pi.getBusinessKey());
      if (ofCase || ofMeeting) {
        tasks.setAssignee(t.getId(), to);
        scopeGrants.assigneeRemoved(t.getId(), from); // the old teacher no longer works or reads it
        n++;
      }
    }
    return n;
  }

  @Transactional(readOnly = true)
  public List<HandoverNote> historyOf(java.util.Collection<Long> childIds) {
    return notes.findByChildIdInAndPromotedAtIsNotNullOrderByPromotedAtDesc(childIds);
  }
}
