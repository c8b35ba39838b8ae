package org.careflow.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.child.ChildRepository;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the activity register shows: the newest activities, one activity with its attendance and files, a
 * file, and a child's activities; each only to whoever may see the activity's class ({@link Activities}), and
 * never outside its school.
 */
@Service
public class ActivityRegister {

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

  private final Activities activities;
  private final JdbcTemplate jdbc;
  private final SchoolDirectory schools;
  private final ChildRepository children;
  private final ActivityKinds kinds;
  private final Audit audit;

  ActivityRegister(Activities activities, JdbcTemplate jdbc, SchoolDirectory schools, ChildRepository children, ActivityKinds kinds,
      Audit audit) {
    this.activities = activities;
    this.jdbc = jdbc;
    this.schools = schools;
    this.children = children;
    this.kinds = kinds;
    this.audit = audit;
  }

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
    Map<Long, Map<String, ActivityKinds.Kind>> kindsBySchool = new HashMap<>();
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
    SchoolClass c = activities.classFor(d.classId());
    if (!Activities.maySee(u, d.schoolId(), c)) {
      throw new NotFoundException("activity");
    }
    List<Long> ids = jdbc.queryForList("select child_id from cf_activity_attendance where activity_id = ? order by id", Long.class, id);
    Map<Long, String> names = new HashMap<>();
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
    if (owner.isEmpty() || !Activities.maySee(u, owner.get(0)[0], activities.classFor(owner.get(0)[1]))) {
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
