package org.careflow.appraisal;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.identity.CurrentUser;
import org.careflow.reports.PdfRenderer;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /appraisal}: the teachers' term appraisal. A supervisor (administrator) sees every class teacher
 * and mentor of their schools (every school), a teacher only their own row, anyone else nothing; each
 * teacher's page ({@code /appraisal/teachers/{id}}) holds the tasks behind the figures and, for the
 * school's supervisors, the grade form. Excel ({@code /appraisal/appraisal.xlsx}), PDF
 * ({@code /appraisal/appraisal.pdf}) and JSON ({@code GET /api/appraisal}) hold what the page holds.
 */
@Controller
class AppraisalController {

  /** The table is wide: A4 turned, smaller type (after the files' style sheet). */
  static final String LANDSCAPE = "@page { size: A4 landscape; } body { font-size: 8pt; } table.grid th { width: auto; }"
      + " table.grid td, table.grid th { padding: 0.6mm 1mm; }";

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Appraisals appraisals;
  private final AppraisalWorkbook workbook;
  private final PdfRenderer pdf;
  private final MessageSource messages;
  private final CareClock clock;

  AppraisalController(Appraisals appraisals, AppraisalWorkbook workbook, PdfRenderer pdf, MessageSource messages, CareClock clock) {
    this.appraisals = appraisals;
    this.workbook = workbook;
    this.pdf = pdf;
    this.messages = messages;
    this.clock = clock;
  }

  private String printed(Locale l) {
    return clock.today().format(Locale.CHINESE.getLanguage().equals(l.getLanguage())
        ? DateTimeFormatter.ofPattern("yyyy年M月d日") : DateTimeFormatter.ISO_LOCAL_DATE);
  }

  @GetMapping("/appraisal")
  String page(@RequestParam(required = false) Long term, Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    model.addAttribute("schools", appraisals.list(u, term));
    model.addAttribute("terms", appraisals.termChoices(u));
    model.addAttribute("term", term);
    model.addAttribute("kinds", Appraisals.OBLIGATIONS.keySet());
    return "appraisal/list";
  }

  @GetMapping("/appraisal/teachers/{id}")
  String teacher(@PathVariable long id, @RequestParam(required = false) Long term, Authentication auth, Model model) {
    return detail(CurrentUser.of(auth), id, term, model, null);
  }

  private String detail(CurrentUser u, long id, Long term, Model model, Appraisals.GradeForm form) {
    Appraisals.Detail d = appraisals.detail(u, id, term);
    model.addAttribute("d", d);
    model.addAttribute("kinds", Appraisals.OBLIGATIONS.keySet());
    model.addAttribute("grades", Appraisals.GRADES);
    Appraisals.Grade g = d.row().grade();
    model.addAttribute("gradedAt", g == null ? "" : g.gradedAt().atZone(clock.zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    model.addAttribute("form", form != null ? form
        : g == null ? new Appraisals.GradeForm("", "", false, false)
        : new Appraisals.GradeForm(g.grade(), g.comment(), g.outstandingClassTeacher(), g.outstandingMentor()));
    return "appraisal/teacher";
  }

  /** The supervisor's grade: refused input shows the form again with the reasons (422), nothing written. */
  @PostMapping("/appraisal/teachers/{id}")
  String grade(@PathVariable long id, @RequestParam(required = false) Long term, @RequestParam(required = false) String grade,
      @RequestParam(required = false) String comment, @RequestParam(defaultValue = "false") boolean outstandingClassTeacher,
      @RequestParam(defaultValue = "false") boolean outstandingMentor, Authentication auth, Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    CurrentUser u = CurrentUser.of(auth);
    Appraisals.GradeForm form = new Appraisals.GradeForm(grade, comment, outstandingClassTeacher, outstandingMentor);
    try {
      appraisals.grade(u, id, term, form);
    } catch (InvalidInputException e) {
      if (e.errors().has("term")) {
        throw e;
      }
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("errors", e.errors().all());
      return detail(u, id, term, model, form);
    }
    return "redirect:/appraisal/teachers/" + id + "?saved" + (term == null ? "" : "&term=" + term);
  }

  @GetMapping("/appraisal/appraisal.xlsx")
  ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Long term, Authentication auth) {
    Locale l = LocaleContextHolder.getLocale();
    byte[] body = workbook.write(appraisals.list(CurrentUser.of(auth), term), printed(l), l);
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("appraisal.xlsx", StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  @GetMapping("/appraisal/appraisal.pdf")
  ResponseEntity<byte[]> pdf(@RequestParam(required = false) Long term, Authentication auth) {
    Locale l = LocaleContextHolder.getLocale();
    List<Appraisals.SchoolAppraisal> list = appraisals.list(CurrentUser.of(auth), term);
    List<Map<String, Object>> schools = new ArrayList<>();
    for (Appraisals.SchoolAppraisal s : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("schoolName", s.schoolName());
      m.put("termName", s.termName());
      m.put("rows", s.teachers().stream().map(r -> Map.of("row", r, "duty", AppraisalColumns.duty(r, messages, l),
          "outstanding", AppraisalColumns.outstanding(r, messages, l))).toList());
      schools.add(m);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("schools", schools);
    model.put("kinds", Appraisals.OBLIGATIONS.keySet());
    model.put("printed", printed(l));
    model.put("landscape", LANDSCAPE);
    byte[] body = pdf.pdf("appraisal/appraisal-pdf", model, l);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("appraisal.pdf", StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  /**
   * {@code GET /api/appraisal?term=}: the same as the page, as JSON (HTTP Basic): per school and term, each
   * teacher by id and name with the figures, the scores and the grade (codes as words of the user's language
   * are on the page; here {@code grade} is one of {@link Appraisals#GRADES}). Errors are problem details.
   */
  @GetMapping(value = "/api/appraisal", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<Map<String, Object>> api(@RequestParam(required = false) Long term, Authentication auth) {
    Locale l = LocaleContextHolder.getLocale();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Appraisals.SchoolAppraisal s : appraisals.list(CurrentUser.of(auth), term)) {
      Map<String, Object> school = new LinkedHashMap<>();
      school.put("schoolId", s.schoolId());
      school.put("school", s.schoolName());
      school.put("term", Map.of("id", s.termId(), "name", s.termName(), "start", s.termStart().toString(), "end", s.termEnd().toString()));
      List<Map<String, Object>> teachers = new ArrayList<>();
      for (Appraisals.TeacherRow r : s.teachers()) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("teacherId", r.teacherId());
        t.put("name", r.name());
        t.put("classTeacher", r.classTeacher());
        t.put("mentor", r.mentor());
        t.put("classes", r.classes());
        Map<String, Object> obligations = new LinkedHashMap<>();
        r.obligations().forEach((k, d) -> obligations.put(k, Map.of("onTime", d.onTime(), "late", d.late())));
        t.put("obligations", obligations);
        t.put("onTime", r.total().onTime());
        t.put("late", r.total().late());
        t.put("recordsWritten", r.records());
        t.put("overdueNow", r.overdueNow());
        t.put("classTeacherScore", r.classTeacherScore());
        t.put("mentorScore", r.mentorScore());
        if (r.grade() == null) {
          t.put("grade", null);
        } else {
          Map<String, Object> g = new LinkedHashMap<>();
          g.put("grade", r.grade().grade());
          g.put("gradeText", messages.getMessage("appraisal.grade." + r.grade().grade(), null, l));
          g.put("comment", r.grade().comment());
          g.put("outstandingClassTeacher", r.grade().outstandingClassTeacher());
          g.put("outstandingMentor", r.grade().outstandingMentor());
          g.put("gradedBy", r.grade().gradedByName());
          g.put("gradedAt", r.grade().gradedAt().toString());
          t.put("grade", g);
        }
        teachers.add(t);
      }
      school.put("teachers", teachers);
      out.add(school);
    }
    return out;
  }
}
