package org.careflow.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolClassRepository;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /reports}: what the schools hand in, for the people who look after whole schools (supervisors,
 * coordinators, counsellors of their schools; administrators: every school): the statistics of the term
 * per school and in total, the download of the workbook ({@code /api/reports/statistics.xlsx?term=}),
 * and each class's file of the term as PDF. Others get 403.
 */
@Controller
class ReportsController {

  private final Statistics statistics;
  private final StatisticsWorkbook workbook;
  private final ChildFiles files;
  private final SchoolClassRepository classes;
  private final Audit audit;

  private final TermArchive archive;

  ReportsController(Statistics statistics, StatisticsWorkbook workbook, ChildFiles files, SchoolClassRepository classes, Audit audit,
      TermArchive archive) {
    this.archive = archive;
    this.statistics = statistics;
    this.workbook = workbook;
    this.files = files;
    this.classes = classes;
    this.audit = audit;
  }

  private static CurrentUser reporter(Authentication auth) {
    CurrentUser u = CurrentUser.of(auth);
    if (!u.seesWholeSchool()) {
      throw new AccessDeniedException("reports are the whole school's"); // 403: the problem page, or problem details under /api
    }
    return u;
  }

  @GetMapping("/reports")
  String page(@RequestParam(required = false) Long term, Authentication auth, Model model) {
    CurrentUser u = reporter(auth);
    Locale l = LocaleContextHolder.getLocale();
    List<Statistics.SchoolFigures> list = statistics.figures(u, term);
    model.addAttribute("schools", list);
    model.addAttribute("total", Statistics.total(list));
    model.addAttribute("totalRetention", Statistics.retention(Statistics.total(list)));
    model.addAttribute("figures", Statistics.FIGURES);
    model.addAttribute("terms", statistics.termChoices(u));
    model.addAttribute("term", term);
    model.addAttribute("classes", statistics.schoolsOf(u).stream()
        .flatMap(s -> classes.findBySchoolIdOrderByGradeAscNameAsc(s.getId()).stream().map(c -> new ClassLink(c.getId(),
            s.getName(), c.getName()))).toList());
    model.addAttribute("printed", files.today(l));
    model.addAttribute("archived", archive.list(u));
    model.addAttribute("mayArchive", TermArchive.mayArchive(u));
    for (Statistics.SchoolFigures s : list) {
      audit(auth, s, "statistics page");
    }
    return "reports/reports";
  }

  /** 资料归档: stores the term's class files and statistics as they are now. */
  @org.springframework.web.bind.annotation.PostMapping("/reports/archive")
  String archiveTerm(@RequestParam(required = false) Long term, Authentication auth) {
    CurrentUser u = reporter(auth);
    int n = archive.archive(u, term, LocaleContextHolder.getLocale());
    return "redirect:/reports?archived=" + n + (term == null ? "" : "&term=" + term);
  }

  /** A file as it was handed in. */
  @GetMapping("/reports/archive/{id}")
  ResponseEntity<byte[]> archived(@PathVariable long id, Authentication auth) {
    TermArchive.Content c = archive.content(id, reporter(auth));
    audit.read(auth.getName(), null, null, "term archive file " + id);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
        .body(c.content());
  }

  public record ClassLink(long id, String school, String name) {}

  @GetMapping({"/api/reports/statistics.xlsx", "/reports/statistics.xlsx"})
  ResponseEntity<byte[]> statisticsWorkbook(@RequestParam(required = false) Long term, Authentication auth) {
    CurrentUser u = reporter(auth);
    Locale l = LocaleContextHolder.getLocale();
    List<Statistics.SchoolFigures> list = statistics.figures(u, term);
    for (Statistics.SchoolFigures s : list) {
      audit(auth, s, "statistics workbook");
    }
    byte[] body = workbook.write(list, files.today(l), l);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("statistics.xlsx", StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  /** The children who left care are named in the statistics: their names are a read of their data. */
  private void audit(Authentication auth, Statistics.SchoolFigures s, String what) {
    if (!s.leavers().isEmpty()) {
      audit.read(auth.getName(), null, null, what + " of school " + s.schoolId() + ": " + s.leavers().size() + " children who left care");
    }
  }
}
