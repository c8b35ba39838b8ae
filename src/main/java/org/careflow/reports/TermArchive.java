package org.careflow.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import org.careflow.classplan.ClassTermPapers;
import org.careflow.shared.ChildAnonymised;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.shared.CareClock;
import org.careflow.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 资料归档: at a term's end the coordinator (or a supervisor) closes the term's files: each class's file
 * and the school's statistics are generated once and stored in {@code cf_report_archive} as they were,
 * so later edits of the records do not change what was handed in. Listed on {@code /reports} with who
 * archived them and when.
 */
@Service
public class TermArchive {

  public record Archived(long id, long schoolId, long termId, String kind, String title, String fileName, String archivedBy,
      Instant archivedAt, Instant regeneratedAt) {}

  public record Content(String fileName, String contentType, byte[] content) {}

  static final String PDF = "application/pdf";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final JdbcTemplate jdbc;
  private final Statistics statistics;
  private final StatisticsWorkbook workbook;
  private final ChildFiles files;
  private final PdfRenderer pdf;
  private final SchoolClassRepository classes;
  private final CareClock clock;
  private final Audit audit;
  private final org.careflow.school.SchoolDirectory directory;
  private final ClassTermPapers papers;

  TermArchive(JdbcTemplate jdbc, Statistics statistics, StatisticsWorkbook workbook, ChildFiles files, PdfRenderer pdf,
      SchoolClassRepository classes, CareClock clock, Audit audit, org.careflow.school.SchoolDirectory directory, ClassTermPapers papers) {
    this.papers = papers;
    this.directory = directory;
    this.jdbc = jdbc;
    this.statistics = statistics;
    this.workbook = workbook;
    this.files = files;
    this.pdf = pdf;
    this.classes = classes;
    this.clock = clock;
    this.audit = audit;
  }

  static boolean mayArchive(CurrentUser u) {
    return u.isAdmin() || u.has(Roles.COORDINATOR) || u.has(Roles.SUPERVISOR);
  }

  /** Generates and stores the term's class files and statistics of every school in the user's scope; one transaction. */
  @Transactional
  public int archive(CurrentUser u, Long termId, Locale l) {
    if (!mayArchive(u)) {
      throw new AccessDeniedException("reports are the whole school's"); // 403: the problem page, or problem details under /api
    }
    List<Statistics.SchoolFigures> figures = statistics.figures(u, termId); // validates the term first
    int stored = 0;
    for (Statistics.SchoolFigures s : figures) {
      stored += archiveSchool(s, statistics.termIdOf(s.schoolId(), s.termName()), u.id(), l);
    }
    return stored;
  }

  /**
   * The same for one school's term, as the coordinator's term-end task does it (process {@code term-archive}):
   * the caller checked the user; one transaction, the task's.
   */
  @Transactional
  public int archiveSchoolTerm(long schoolId, long termId, String by, Locale l) {
    return archiveSchool(statistics.figuresOf(schoolId, termId), termId, by, l);
  }

  private int archiveSchool(Statistics.SchoolFigures s, long term, String by, Locale l) {
    Instant now = clock.now();
    String printed = files.today(l);
    int stored = 0;
    store(s.schoolId(), term, "STATISTICS", null, s.schoolName() + " " + s.termName(), "statistics-" + s.schoolId() + "-" + term + ".xlsx",
        XLSX, workbook.write(List.of(s), printed, l), by, now, new LinkedHashSet<>(s.childIds()));
    stored++;
    for (SchoolClass c : classes.findBySchoolIdOrderByGradeAscNameAsc(s.schoolId())) {
      ChildFiles.ClassFile f = files.classFileOf(c.getId(), term, l);
      if (f.files().isEmpty() && f.papers().plan() == null && f.papers().summary() == null) {
        continue;
      }
      Set<Long> held = new LinkedHashSet<>();
      f.files().forEach(x -> held.add(x.childId()));
      held.addAll(papers.childrenNamed(c.getId(), term));
      store(s.schoolId(), term, "CLASS_FILE", c.getId(), f.className() + " " + f.termName(), "class-" + c.getId() + "-term-" + term + ".pdf",
          PDF, pdf.pdf("reports/class-file", f.model(printed), l), by, now, held);
      for (Long child : held) {
        audit.change(by, Audit.EXPORT, child, null, "term archive: class file " + c.getId());
      }
      stored++;
    }
    return stored;
  }

  private void store(long school, long term, String kind, Long classId, String title, String fileName, String type, byte[] content,
      String by, Instant at, Set<Long> children) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO cf_report_archive (school_id, term_id, kind, class_id, title, file_name, content_type, content,"
          + " archived_by, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setLong(1, school);
      ps.setLong(2, term);
      ps.setString(3, kind);
      ps.setObject(4, classId);
      ps.setString(5, title);
      ps.setString(6, fileName);
      ps.setString(7, type);
      ps.setBytes(8, content);
      ps.setString(9, by);
      ps.setTimestamp(10, Timestamp.from(at));
      return ps;
    }, key);
    long id = key.getKey().longValue();
    for (Long child : children) {
      jdbc.update("INSERT INTO cf_report_archive_child (archive_id, child_id) VALUES (?, ?)", id, child);
    }
  }

  // -- privacy: a child's anonymisation reaches the files handed in -----------------------------------

  /**
   * A child was anonymised: every stored file that holds them is made again without them (a class file is
   * generated anew, in which the anonymised child no longer appears and a plan's pairing names them as
   * anonymised; a statistics workbook keeps its figures, the child's name and note are blanked in the
   * leavers' list), and says when. The files' other contents are those of today.
   */
  @EventListener
  @Transactional
  public void onAnonymised(ChildAnonymised e) {
    List<Long> ids = jdbc.queryForList("SELECT archive_id FROM cf_report_archive_child WHERE child_id = ? ORDER BY archive_id", Long.class,
        e.childId());
    Locale l = Locale.SIMPLIFIED_CHINESE;
    for (Long id : ids) {
      Map<String, Object> row = jdbc.queryForMap("SELECT school_id, term_id, kind, class_id, content FROM cf_report_archive WHERE id = ?", id);
      long term = ((Number) row.get("term_id")).longValue();
      byte[] content;
      Set<Long> held = new LinkedHashSet<>();
      if ("CLASS_FILE".equals(row.get("kind"))) {
        long classId = ((Number) row.get("class_id")).longValue();
        ChildFiles.ClassFile f = files.classFileOf(classId, term, l);
        f.files().forEach(x -> held.add(x.childId()));
        held.addAll(papers.childrenNamed(classId, term));
        held.remove(e.childId());
        content = pdf.pdf("reports/class-file", f.model(files.today(l)), l);
      } else {
        content = StatisticsWorkbook.redact((byte[]) row.get("content"), e.name(), e.studentNo(), ChildAnonymised.ANONYMOUS);
        held.addAll(jdbc.queryForList("SELECT child_id FROM cf_report_archive_child WHERE archive_id = ?", Long.class, id));
        held.remove(e.childId());
      }
      jdbc.update("UPDATE cf_report_archive SET content = ?, regenerated_at = ? WHERE id = ?", content, Timestamp.from(clock.now()), id);
      jdbc.update("DELETE FROM cf_report_archive_child WHERE archive_id = ?", id);
      for (Long child : held) {
        jdbc.update("INSERT INTO cf_report_archive_child (archive_id, child_id) VALUES (?, ?)", id, child);
      }
    }
  }

  /** The archived files of the schools in the user's scope, newest first. */
  @Transactional(readOnly = true)
  public List<Archived> list(CurrentUser u) {
    List<Archived> out = new ArrayList<>();
    for (School s : statistics.schoolsOf(u)) {
      out.addAll(jdbc.query("SELECT id, school_id, term_id, kind, title, file_name, archived_by, archived_at, regenerated_at FROM cf_report_archive"
          + " WHERE school_id = ? ORDER BY archived_at DESC, id", (rs, n) -> new Archived(rs.getLong(1), rs.getLong(2), rs.getLong(3),
          rs.getString(4), rs.getString(5), rs.getString(6), directory.teacherName(rs.getString(7)), rs.getTimestamp(8).toInstant(),
          rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()),
          s.getId()));
    }
    out.sort(java.util.Comparator.comparing(Archived::archivedAt).reversed().thenComparing(Archived::id));
    return out;
  }

  /** A stored file, as it was handed in; 404 for a school outside the user's scope. */
  @Transactional(readOnly = true)
  public Content content(long id, CurrentUser u) {
    List<Long> schools = statistics.schoolsOf(u).stream().map(School::getId).toList();
    List<Content> found = jdbc.query("SELECT school_id, file_name, content_type, content FROM cf_report_archive WHERE id = ?",
        (rs, n) -> schools.contains(rs.getLong(1)) ? new Content(rs.getString(2), rs.getString(3), rs.getBytes(4)) : null, id);
    if (found.isEmpty() || found.get(0) == null) {
      throw new NotFoundException("archive");
    }
    return found.get(0);
  }
}
