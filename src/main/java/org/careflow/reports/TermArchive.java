package org.careflow.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      Instant archivedAt) {}

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

  TermArchive(JdbcTemplate jdbc, Statistics statistics, StatisticsWorkbook workbook, ChildFiles files, PdfRenderer pdf,
      SchoolClassRepository classes, CareClock clock, Audit audit, org.careflow.school.SchoolDirectory directory) {
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
    Instant now = clock.now();
    String printed = files.today(l);
    int stored = 0;
    for (Statistics.SchoolFigures s : figures) {
      long term = statistics.termIdOf(s.schoolId(), s.termName());
      store(s.schoolId(), term, "STATISTICS", null, s.schoolName() + " " + s.termName(), "statistics-" + s.schoolId() + "-" + term + ".xlsx",
          XLSX, workbook.write(List.of(s), printed, l), u.id(), now);
      stored++;
      for (SchoolClass c : classes.findBySchoolIdOrderByGradeAscNameAsc(s.schoolId())) {
        ChildFiles.ClassFile f = files.classFile(c.getId(), term, u, l);
        if (f.files().isEmpty()) {
          continue;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("files", f.files());
        model.put("schoolName", f.schoolName());
        model.put("className", f.className());
        model.put("classTeacher", f.classTeacher());
        model.put("termName", f.termName());
        model.put("printed", printed);
        store(s.schoolId(), term, "CLASS_FILE", c.getId(), f.className() + " " + f.termName(), "class-" + c.getId() + "-term-" + term + ".pdf",
            PDF, pdf.pdf("reports/class-file", model, l), u.id(), now);
        for (ChildFiles.ChildFile child : f.files()) {
          audit.change(u.id(), Audit.EXPORT, child.childId(), null, "term archive: class file " + c.getId());
        }
        stored++;
      }
    }
    return stored;
  }

  private void store(long school, long term, String kind, Long classId, String title, String fileName, String type, byte[] content,
      String by, Instant at) {
    jdbc.update("INSERT INTO cf_report_archive (school_id, term_id, kind, class_id, title, file_name, content_type, content, archived_by,"
        + " archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", school, term, kind, classId, title, fileName, type, content, by,
        Timestamp.from(at));
  }

  /** The archived files of the schools in the user's scope, newest first. */
  @Transactional(readOnly = true)
  public List<Archived> list(CurrentUser u) {
    List<Archived> out = new ArrayList<>();
    for (School s : statistics.schoolsOf(u)) {
      out.addAll(jdbc.query("SELECT id, school_id, term_id, kind, title, file_name, archived_by, archived_at FROM cf_report_archive"
          + " WHERE school_id = ? ORDER BY archived_at DESC, id", (rs, n) -> new Archived(rs.getLong(1), rs.getLong(2), rs.getLong(3),
          rs.getString(4), rs.getString(5), rs.getString(6), directory.teacherName(rs.getString(7)), rs.getTimestamp(8).toInstant()),
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
