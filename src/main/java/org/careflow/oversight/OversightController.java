package org.careflow.oversight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisors' dashboard (/oversight; roles supervisor, coordinator, camunda-admin, see
 * identity.SecurityConfig). Each user sees their own schools (an administrator all; see OversightApi#scope). Every count
 * links to the children behind it ({@code /oversight/cases}), every table has its Excel workbook.
 */
@Controller
class OversightController {

  static final int CHILD_ROWS = 200;
  static final int ESCALATION_ROWS = 50;

  private final OversightQueries queries;
  private final ObjectMapper json;

  OversightController(OversightQueries queries, ObjectMapper json) {
    this.queries = queries;
    this.json = json;
  }

  /** A class with the teachers whose tasks in it are late, each with their children. */
  record ClassView(long classId, String className, OversightQueries.Counts total, List<TeacherView> teachers) {}

  record TeacherView(String teacher, String name, List<OversightQueries.ChildRow> children) {}

  @GetMapping("/oversight")
  String dashboard(@RequestParam(required = false) Long term, org.springframework.security.core.Authentication auth, Model model)
      throws JsonProcessingException {
    Scope scope = Scope.of(OversightApi.scope(auth));
    OversightQueries.Targets targets = queries.targets(term, scope);
    OversightQueries.OverdueFigures figures = queries.figures(scope);
    List<OversightQueries.OpenEscalation> escalations = queries.openEscalations(ESCALATION_ROWS, scope);
    model.addAttribute("targets", targets);
    model.addAttribute("retention", queries.retention(targets.term(), scope));
    model.addAttribute("terms", queries.terms(scope));
    model.addAttribute("figures", figures);
    model.addAttribute("bySchool", figures.bySchool());
    model.addAttribute("byClass", figures.byClass());
    model.addAttribute("byTeacher", figures.byTeacher());
    model.addAttribute("byObligation", figures.byObligation());
    model.addAttribute("escalations", escalations);
    model.addAttribute("teacherNames", queries.teacherNames(escalations.stream().map(OversightQueries.OpenEscalation::assignee)
        .filter(t -> t != null && !t.isEmpty()).distinct().toList()));
    // The charts' data, read by static/js/oversight.js from data- attributes (the CSP allows no inline script).
    model.addAttribute("talkMonths", json.writeValueAsString(targets.talkByMonth().stream().map(OversightQueries.MonthRate::month).toList()));
    model.addAttribute("talkRates", json.writeValueAsString(targets.talkByMonth().stream().map(m -> Math.round(m.onTimeRate() * 1000) / 10.0).toList()));
    model.addAttribute("coverage", json.writeValueAsString(List.of(Math.round(targets.archiveRate() * 1000) / 10.0,
        Math.round(targets.pairingRate() * 1000) / 10.0, Math.round(targets.onTimeTalkRate() * 1000) / 10.0)));
    return "oversight/oversight";
  }

  /**
   * The children behind a count of the dashboard: {@code /oversight/cases?class=|school=|teacher=|obligation=}
   * and optionally {@code bucket=overdue|dueSoon|1-7|8-30|>30}, as class → teacher → child, each child
   * linking to its page.
   */
  @GetMapping("/oversight/cases")
  String cases(@RequestParam(name = "school", required = false) Long school, @RequestParam(name = "class", required = false) Long classId,
      @RequestParam(required = false) String teacher, @RequestParam(required = false) String obligation,
      @RequestParam(required = false) String bucket, org.springframework.security.core.Authentication auth, Model model) {
    OversightQueries.CaseFilter filter = new OversightQueries.CaseFilter(school, classId, teacher, obligation, bucket);
    List<OversightQueries.ChildRow> children = queries.cases(filter, Scope.of(OversightApi.scope(auth)), CHILD_ROWS);
    model.addAttribute("filter", filter);
    model.addAttribute("tree", tree(children));
    model.addAttribute("childRowsCapped", children.size() >= CHILD_ROWS);
    model.addAttribute("teacherName", teacher == null || teacher.isBlank() || "-".equals(teacher) ? null
        : queries.teacherNames(List.of(teacher)).getOrDefault(teacher, teacher));
    return "oversight/cases";
  }

  @GetMapping("/oversight/cases.xlsx")
  ResponseEntity<byte[]> casesWorkbook(@RequestParam(name = "school", required = false) Long school,
      @RequestParam(name = "class", required = false) Long classId, @RequestParam(required = false) String teacher,
      @RequestParam(required = false) String obligation, @RequestParam(required = false) String bucket,
      org.springframework.security.core.Authentication auth) throws IOException {
    OversightQueries.CaseFilter filter = new OversightQueries.CaseFilter(school, classId, teacher, obligation, bucket);
    List<OversightQueries.ChildRow> children = queries.cases(filter, Scope.of(OversightApi.scope(auth)), 10_000);
    Map<String, String> names = queries.teacherNames(children.stream().map(OversightQueries.ChildRow::teacher).filter(t -> !t.isEmpty()).distinct().toList());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OverdueWorkbook.writeChildren(children, names, out);
    return xlsx("overdue-cases.xlsx", out);
  }

  /** The same workbook as /api/oversight/overdue.xlsx, for the logged-in page. */
  @GetMapping("/oversight/overdue.xlsx")
  ResponseEntity<byte[]> workbook(@RequestParam(defaultValue = "class") String groupBy,
      org.springframework.security.core.Authentication auth) throws IOException {
    OversightQueries.GroupBy g = OversightQueries.GroupBy.parse(groupBy);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OverdueWorkbook.write(g, queries.overdue(g, Scope.of(OversightApi.scope(auth))), out);
    return xlsx("overdue-" + g.name().toLowerCase() + ".xlsx", out);
  }

  /** The same workbook as /api/oversight/targets.xlsx: the term's targets, talks per month, missed obligations, escalations. */
  @GetMapping("/oversight/targets.xlsx")
  ResponseEntity<byte[]> targetsWorkbook(@RequestParam(required = false) Long term,
      org.springframework.security.core.Authentication auth) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Scope scope = Scope.of(OversightApi.scope(auth));
    OversightQueries.Targets t = queries.targets(term, scope);
    List<OversightQueries.OpenEscalation> escalations = queries.openEscalations(10_000, scope);
    OverdueWorkbook.writeTargets(t, escalations, queries.teacherNames(escalations.stream().map(OversightQueries.OpenEscalation::assignee)
        .filter(a -> a != null && !a.isEmpty()).distinct().toList()), queries.zone(), out);
    return xlsx("targets-" + t.term().id() + ".xlsx", out);
  }

  static ResponseEntity<byte[]> xlsx(String filename, ByteArrayOutputStream out) {
    return ResponseEntity.ok().contentType(OversightApi.XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(out.toByteArray());
  }

  private List<ClassView> tree(List<OversightQueries.ChildRow> rows) {
    Map<Long, List<OversightQueries.ChildRow>> byClass = new LinkedHashMap<>();
    rows.forEach(r -> byClass.computeIfAbsent(r.classId(), k -> new ArrayList<>()).add(r));
    Map<String, String> names = queries.teacherNames(rows.stream().map(OversightQueries.ChildRow::teacher).filter(t -> !t.isEmpty()).distinct().toList());
    List<ClassView> out = new ArrayList<>();
    byClass.forEach((classId, list) -> {
      Map<String, List<OversightQueries.ChildRow>> byTeacher = new LinkedHashMap<>();
      list.forEach(r -> byTeacher.computeIfAbsent(r.teacher(), k -> new ArrayList<>()).add(r));
      List<TeacherView> teachers = new ArrayList<>();
      byTeacher.forEach((t, kids) -> teachers.add(new TeacherView(t, names.getOrDefault(t, t), kids)));
      long[] sum = new long[5];
      list.forEach(r -> {
        sum[0] += r.counts().overdue();
        sum[1] += r.counts().dueSoon();
        sum[2] += r.counts().days1to7();
        sum[3] += r.counts().days8to30();
        sum[4] += r.counts().over30();
      });
      out.add(new ClassView(list.get(0).classId(), list.get(0).className(), new OversightQueries.Counts(sum[0], sum[1], sum[2], sum[3], sum[4]), teachers));
    });
    return out;
  }
}
