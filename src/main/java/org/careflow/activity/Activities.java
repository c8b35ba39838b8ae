package org.careflow.activity;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity register: who may see and record which class's activities (a class teacher their own
 * classes, a coordinator their school's; supervisors and counsellors read their school's), recording one
 * with its attendance and files in one transaction (checked whole before anything is written), and the
 * reads behind the pages. An activity is never shown outside its school.
 */
@Service
public class Activities {

  /** What the form sends. */
  public record Form(Long classId, String kind, String date, String place, String leader, List<String> children, String record) {}

  public record Row(long id, LocalDate date, String kindName, String className, String place, String leaderName, int attendees, int files) {}

  public record Attendee(long childId, String name) {}

  public record FileRow(long id, String name, String contentType, int size) {
    public boolean image() {
      return contentType.startsWith("image/");
    }
  }

  public record Detail(long id, long schoolId, long classId, String className, String kindCode, String kindName, LocalDate date, String place,
      String leaderName, String record, String recordedByName, List<Attendee> attendees, List<FileRow> files) {}

  public record StoredFile(String name, String contentType, byte[] content) {}

  /** An activity on a child's page. */
  public record ChildActivity(long id, LocalDate date, String kindName) {}

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

  private SchoolClass classFor(Long classId) {
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
    List<Object[]> files = new ArrayList<>();
    List<ActivityUpload> given = uploads == null ? List.of() : uploads.stream().filter(x -> x.content() != null && x.content().length > 0).toList();
    if (given.size() > ActivityFiles.MAX_FILES) {
      errors.reject("files", "activity.file.tooMany", ActivityFiles.MAX_FILES);
    }
    for (ActivityUpload up : given) {
      if (up.content().length > ActivityFiles.MAX_BYTES) {
        errors.reject("files", "activity.file.tooLarge", ActivityFiles.cleanName(up.fileName(), null), ActivityFiles.MAX_BYTES / 1024 / 1024);
        continue;
      }
      String type = ActivityFiles.sniff(up.content());
      if (type == null) {
        errors.reject("files", "activity.file.type", ActivityFiles.cleanName(up.fileName(), null));
        continue;
      }
      files.add(new Object[] {ActivityFiles.cleanName(up.fileName(), type), type, up.content()});
    }
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

  // -- reads ---------------------------------------------------------------------------------------

  /** The newest activities this user may see, optionally of one class (no child named: counts only). */
  @Transactional(readOnly = true)
  public List<Row> list(CurrentUser u, Long classId, int limit) {
    StringBuilder where = new StringBuilder();
    List<Object> args = new ArrayList<>();
    if (!u.isAdmin()) {
      List<String> parts = new ArrayList<>();
      if (!u.schools().isEmpty()) {
        parts.add("a.school_id in (" + String.join(",", u.schools().stream().map(String::valueOf).toList()) + ")");
      }
      List<Long> own = schools.classesOf(u.id()).stream().map(SchoolClass::getId).toList();
      if (!own.isEmpty()) {
        parts.add("a.class_id in (" + String.join(",", own.stream().map(String::valueOf).toList()) + ")");
      }
      if (parts.isEmpty()) {
        return List.of();
      }
      where.append(" and (").append(String.join(" or ", parts)).append(")");
    }
    if (classId != null) {
      where.append(" and a.class_id = ?");
      args.add(classId);
    }
    args.add(limit);
    List<Object[]> raw = jdbc.query("select a.id, a.activity_date, a.kind_code, a.class_id, a.place, a.led_by, a.school_id,"
        + " (select count(*) from cf_activity_attendance t where t.activity_id = a.id),"
        + " (select count(*) from cf_activity_file x where x.activity_id = a.id)"
        + " from cf_activity a where 1 = 1" + where + " order by a.activity_date desc, a.id desc limit ?",
        (rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4), rs.getString(5),
            rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getInt(9)}, args.toArray());
    Map<Long, SchoolClass> classNames = schools.classesById(raw.stream().map(r -> (Long) r[3]).distinct().toList());
    Map<String, String> leaders = schools.teacherNames(raw.stream().map(r -> (String) r[5]).distinct().toList());
    Map<Long, Map<String, ActivityKinds.Kind>> kindsBySchool = new java.util.HashMap<>();
    Locale locale = LocaleContextHolder.getLocale();
    List<Row> out = new ArrayList<>();
    for (Object[] r : raw) {
      Map<String, ActivityKinds.Kind> k = kindsBySchool.computeIfAbsent((Long) r[6], kinds::byCode);
      ActivityKinds.Kind kind = k.get((String) r[2]);
      SchoolClass sc = classNames.get((Long) r[3]);
      out.add(new Row((Long) r[0], (LocalDate) r[1], kind == null ? "" : kind.name(locale), sc == null ? "" : sc.getName(), (String) r[4],
          leaders.getOrDefault((String) r[5], ""), (Integer) r[7], (Integer) r[8]));
    }
    return out;
  }

  /** One activity with its attendance (an audited read of each child) and files; 404 outside the user's scope. */
  @Transactional(readOnly = true)
  public Detail detail(CurrentUser u, long id) {
    List<Detail> found = jdbc.query("select id, school_id, class_id, kind_code, activity_date, place, led_by, record, recorded_by from cf_activity where id = ?",
        (rs, n) -> new Detail(rs.getLong(1), rs.getLong(2), rs.getLong(3), null, rs.getString(4), null, rs.getObject(5, LocalDate.class),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), List.of(), List.of()), id);
    if (found.isEmpty()) {
      throw new NotFoundException("activity");
    }
    Detail d = found.get(0);
    SchoolClass c = classFor(d.classId());
    if (!maySee(u, d.schoolId(), c)) {
      throw new NotFoundException("activity");
    }
    List<Long> ids = jdbc.queryForList("select child_id from cf_activity_attendance where activity_id = ? order by id", Long.class, id);
    Map<Long, String> names = new java.util.HashMap<>();
    children.findAllById(ids).forEach(ch -> names.put(ch.getId(), ch.getName()));
    List<Attendee> attendees = ids.stream().map(x -> new Attendee(x, names.getOrDefault(x, ""))).toList();
    for (Long child : ids) {
      audit.read(u.id(), child, null, "activity " + id);
    }
    List<FileRow> files = jdbc.query("select id, file_name, content_type, size_bytes from cf_activity_file where activity_id = ? order by id",
        (rs, n) -> new FileRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)), id);
    ActivityKinds.Kind kind = kinds.byCode(d.schoolId()).get(d.kindCode());
    Map<String, String> people = schools.teacherNames(List.of(d.leaderName(), d.recordedByName()));
    return new Detail(d.id(), d.schoolId(), d.classId(), c.getName(), d.kindCode(), kind == null ? "" : kind.name(LocaleContextHolder.getLocale()),
        d.date(), d.place(), people.getOrDefault(d.leaderName(), ""), d.record(), people.getOrDefault(d.recordedByName(), ""), attendees, files);
  }

  /** A file of an activity this user may see (404 otherwise, as for one that does not exist). */
  @Transactional(readOnly = true)
  public StoredFile file(CurrentUser u, long activityId, long fileId) {
    List<long[]> owner = jdbc.query("select school_id, class_id from cf_activity where id = ?", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, activityId);
    if (owner.isEmpty() || !maySee(u, owner.get(0)[0], classFor(owner.get(0)[1]))) {
      throw new NotFoundException("file");
    }
    List<StoredFile> f = jdbc.query("select file_name, content_type, content from cf_activity_file where id = ? and activity_id = ?",
        (rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)), fileId, activityId);
    if (f.isEmpty()) {
      throw new NotFoundException("file");
    }
    return f.get(0);
  }

  /** The activities a child took part in, newest first, of the child's own school only. */
  @Transactional(readOnly = true)
  public List<ChildActivity> ofChild(long childId) {
    Long schoolId = children.findWithClassById(childId).map(ch -> ch.getSchoolClass().getSchool().getId()).orElse(null);
    if (schoolId == null) {
      return List.of();
    }
    Map<String, ActivityKinds.Kind> k = kinds.byCode(schoolId);
    Locale locale = LocaleContextHolder.getLocale();
    return jdbc.query("select a.id, a.activity_date, a.kind_code from cf_activity a join cf_activity_attendance t on t.activity_id = a.id"
        + " where t.child_id = ? and a.school_id = ? order by a.activity_date desc, a.id desc", (rs, n) -> {
          ActivityKinds.Kind kind = k.get(rs.getString(3));
          return new ChildActivity(rs.getLong(1), rs.getObject(2, LocalDate.class), kind == null ? "" : kind.name(locale));
        }, childId, schoolId);
  }
}
