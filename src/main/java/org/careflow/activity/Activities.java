package org.careflow.activity;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildRepository;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Teacher;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity register: who may see and record which class's activities (a class teacher their own
 * classes, a coordinator their school's; supervisors and counsellors read their school's), and recording one
 * with its attendance and files in one transaction (checked whole before anything is written). What the
 * register shows is {@link ActivityRegister}'s. An activity is never shown outside its school.
 */
@Service
public class Activities {

  /** What the form sends. */
  public record Form(Long classId, String kind, String date, String place, String leader, List<String> children, String record) {}

  private final JdbcTemplate jdbc;
  private final SchoolDirectory schools;
  private final SchoolClassRepository classes;
  private final ChildRepository children;
  private final CareCases cases;
  private final ActivityKinds kinds;
  private final Audit audit;
  private final CareClock clock;
  private final ClassActivities obligations;

  Activities(JdbcTemplate jdbc, SchoolDirectory schools, SchoolClassRepository classes, ChildRepository children, CareCases cases,
      ActivityKinds kinds, Audit audit, CareClock clock, ClassActivities obligations) {
    this.jdbc = jdbc;
    this.schools = schools;
    this.classes = classes;
    this.children = children;
    this.cases = cases;
    this.kinds = kinds;
    this.audit = audit;
    this.clock = clock;
    this.obligations = obligations;
  }

  // -- who may do what -----------------------------------------------------------------------------

  static boolean mayRecord(CurrentUser u, SchoolClass c) {
    return u.id().equals(c.getClassTeacher()) && u.has(Roles.TEACHER) || u.has(Roles.COORDINATOR) && u.seesSchool(c.getSchool().getId())
        || u.isAdmin();
  }

  static boolean maySee(CurrentUser u, long schoolId, SchoolClass c) {
    return u.isAdmin() || u.seesSchool(schoolId) || u.id().equals(c.getClassTeacher());
  }

  /** The classes this user records activities for: their own classes, and a coordinator's schools' classes. */
  @Transactional(readOnly = true)
  public List<SchoolClass> recordableClasses(CurrentUser u) {
    Map<Long, SchoolClass> out = new LinkedHashMap<>();
    if (u.has(Roles.TEACHER)) {
      schools.classesOf(u.id()).forEach(c -> out.put(c.getId(), c));
    }
    if (u.has(Roles.COORDINATOR)) {
      for (Long school : u.schools()) {
        classes.findBySchoolIdOrderByGradeAscNameAsc(school).forEach(c -> out.put(c.getId(), c));
      }
    }
    return List.copyOf(out.values());
  }

  /** The class, or 404. */
  SchoolClass classFor(Long classId) {
    if (classId == null) {
      throw new NotFoundException("class");
    }
    try {
      return schools.schoolClass(classId);
    } catch (RuntimeException e) {
      throw new NotFoundException("class");
    }
  }

  // -- the form ------------------------------------------------------------------------------------

  /** The children of a class to pick from, and which are ticked at first: those in care (left behind). */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> pickList(CurrentUser u, SchoolClass c) {
    if (!mayRecord(u, c)) {
      throw new NotFoundException("class");
    }
    Set<Long> inCare = new HashSet<>();
    for (CareCase cc : cases.openCasesOfClass(c.getId())) {
      inCare.add(cc.getChild().getId());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Child ch : children.findBySchoolClassIdOrderByName(c.getId())) {
      if (ch.getAnonymisedAt() != null) {
        continue;
      }
      out.add(Map.of("id", ch.getId(), "name", ch.getName(), "leftBehind", inCare.contains(ch.getId())));
      audit.read(u.id(), ch.getId(), null, "activity form");
    }
    return out;
  }

  /** The staff of the class's school who can have led an activity, by name. */
  @Transactional(readOnly = true)
  public List<Teacher> leaders(SchoolClass c) {
    return schools.teachersOf(c.getSchool().getId()).stream().filter(Teacher::isActive).toList();
  }

  /**
   * Records an activity with its attendance and files, and fulfils the class's open obligations it
   * matches, all in one transaction; anything invalid throws before the first write.
   */
  @Transactional
  public long record(CurrentUser u, Form f, List<ActivityUpload> uploads) {
    SchoolClass c = classFor(f.classId());
    if (!mayRecord(u, c)) {
      throw new NotFoundException("class");
    }
    long schoolId = c.getSchool().getId();
    FieldErrors errors = new FieldErrors();
    String kind = f.kind() == null ? "" : f.kind().strip();
    if (kind.isEmpty()) {
      errors.reject("kind", "validation.required");
    } else if (kinds.active(schoolId).stream().noneMatch(k -> k.code().equals(kind))) {
      errors.reject("kind", "validation.option");
    }
    LocalDate date = null;
    if (f.date() == null || f.date().isBlank()) {
      errors.reject("date", "validation.required");
    } else {
      try {
        date = LocalDate.parse(f.date().strip());
        if (date.isAfter(clock.today())) {
          errors.reject("date", "validation.pastDate");
        } else if (date.isBefore(clock.today().minusDays(366))) {
          errors.reject("date", "validation.tooOld", 366);
        }
      } catch (DateTimeParseException e) {
        errors.reject("date", "validation.date");
      }
    }
    String place = text(f.place(), "place", 100, true, errors);
    String record = text(f.record(), "record", 1000, false, errors);
    String leader = f.leader() == null ? "" : f.leader().strip();
    if (leader.isEmpty()) {
      errors.reject("leader", "validation.required");
    } else if (leaders(c).stream().noneMatch(t -> t.getUsername().equals(leader))) {
      errors.reject("leader", "validation.option");
    }
    Set<Long> ofClass = new HashSet<>();
    children.findBySchoolClassIdOrderByName(c.getId()).stream().filter(ch -> ch.getAnonymisedAt() == null).forEach(ch -> ofClass.add(ch.getId()));
    List<Long> attending = new ArrayList<>();
    for (String s : f.children() == null ? List.<String>of() : f.children()) {
      try {
        long id = Long.parseLong(s.strip());
        if (!ofClass.contains(id)) {
          errors.reject("children", "validation.option");
        } else if (!attending.contains(id)) {
          attending.add(id);
        }
      } catch (NumberFormatException e) {
        errors.reject("children", "validation.option");
      }
    }
    if (attending.isEmpty() && !errors.has("children")) {
      errors.reject("children", "activity.noChildren");
    }
    List<Object[]> files = ActivityFiles.accepted(uploads, errors);
    errors.throwIfAny();

    Timestamp now = Timestamp.from(clock.now());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    LocalDate day = date;
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into cf_activity (school_id, class_id, kind_code, activity_date, place, led_by, record,"
          + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setLong(1, schoolId);
      ps.setLong(2, c.getId());
      ps.setString(3, kind);
      ps.setObject(4, day);
      ps.setString(5, place);
      ps.setString(6, leader);
      ps.setString(7, record);
      ps.setString(8, u.id());
      ps.setTimestamp(9, now);
      return ps;
    }, key);
    long id = key.getKey().longValue();
    for (Long child : attending) {
      jdbc.update("insert into cf_activity_attendance (activity_id, child_id) values (?, ?)", id, child);
      audit.change(u.id(), Audit.RECORD, child, null, "activity " + id);
    }
    for (Object[] file : files) {
      byte[] content = (byte[]) file[2];
      jdbc.update("insert into cf_activity_file (activity_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)"
          + " values (?, ?, ?, ?, ?, ?, ?)", id, file[0], file[1], content.length, content, u.id(), now);
    }
    obligations.fulfil(id, u);
    return id;
  }

  private static String text(String value, String field, int max, boolean required, FieldErrors errors) {
    String t = value == null ? "" : value.strip();
    if (t.isEmpty()) {
      if (required) {
        errors.reject(field, "validation.required");
      }
      return null;
    }
    if (t.length() > max) {
      errors.reject(field, "validation.tooLong", max);
    } else if (t.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
      errors.reject(field, "validation.characters");
    }
    return t;
  }

}
