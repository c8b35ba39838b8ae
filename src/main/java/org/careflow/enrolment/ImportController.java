package org.careflow.enrolment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Teacher;
import org.careflow.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.multipart.MultipartFile;

/** Roster import for coordinators: the page, the JSON API (HTTP Basic) and the template workbook. */
@Controller
class ImportController {

  private final RosterImport roster;
  private final ImportJobs jobs;
  private final SchoolClassRepository classes;
  private final SchoolDirectory schools;
  private final MessageSource messages;

  ImportController(RosterImport roster, ImportJobs jobs, SchoolClassRepository classes, SchoolDirectory schools, MessageSource messages) {
    this.roster = roster;
    this.jobs = jobs;
    this.classes = classes;
    this.schools = schools;
    this.messages = messages;
  }

  /**
   * The classes of the user's school, by name: the school they look after (their one {@code school-<id>}
   * group), their own school as a teacher, or the only one there is.
   */
  private Map<String, SchoolClass> classesOf(Authentication auth) {
    java.util.Set<Long> looksAfter = org.careflow.identity.CurrentUser.of(auth).schools();
    Long schoolId = looksAfter.size() == 1 ? looksAfter.iterator().next()
        : schools.teacher(auth.getName()).map(Teacher::getSchool).map(s -> s.getId()).orElse(null);
    List<SchoolClass> all = classes.findAll();
    if (schoolId == null) {
      List<Long> ids = all.stream().map(c -> c.getSchool().getId()).distinct().toList();
      if (ids.size() != 1) {
        throw InvalidInputException.of("file", "import.noSchool");
      }
      schoolId = ids.get(0);
    }
    long id = schoolId;
    return all.stream().filter(c -> c.getSchool().getId() == id)
        .collect(Collectors.toMap(SchoolClass::getName, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  record ErrorView(int row, String column, String message) {}

  private List<ErrorView> explain(List<RosterImport.RowError> errors, Locale locale) {
    return errors.stream().map(e -> new ErrorView(e.row(), e.column(),
        messages.getMessage(e.code(), e.args(), e.code(), locale))).toList();
  }

  private RosterImport.Result run(MultipartFile file, Authentication auth) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new RosterImport.RosterRejected(List.of(new RosterImport.RowError(0, null, "import.noFile", new Object[0])));
    }
    try (InputStream in = file.getInputStream()) {
      return roster.importRoster(in, classesOf(auth), auth.getName());
    }
  }

  @PostMapping("/api/import/roster")
  @ResponseBody
  ResponseEntity<Object> api(@RequestParam(value = "file", required = false) MultipartFile file, Authentication auth) throws IOException {
    try {
      return ResponseEntity.ok(run(file, auth));
    } catch (RosterImport.RosterRejected e) {
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(Map.of("errors", explain(e.errors(), LocaleContextHolder.getLocale())));
    }
  }

  /** The page; with {@code job}, that import's progress (the page polls it) or its outcome. */
  @GetMapping("/import")
  String page(@RequestParam(value = "job", required = false) String jobId, Authentication auth, Model model) {
    if (jobId != null) {
      ImportJobs.Job job = jobs.job(jobId, auth.getName()).orElse(null);
      if (job == null) {
        model.addAttribute("unknownJob", true);
      } else {
        model.addAttribute("job", job);
        if (job.getState() == ImportJobs.State.DONE) {
          model.addAttribute("result", job.getResult());
        } else if (job.getState() == ImportJobs.State.REJECTED) {
          model.addAttribute("errors", explain(job.errors, LocaleContextHolder.getLocale()));
        }
      }
    }
    return "enrolment/import";
  }

  /** The page's upload: the import runs in the background and the page shows its progress. */
  @PostMapping("/import")
  String upload(@RequestParam(value = "file", required = false) MultipartFile file, Authentication auth, Model model) throws IOException {
    if (file == null || file.isEmpty()) {
      model.addAttribute("errors", explain(List.of(new RosterImport.RowError(0, null, "import.noFile", new Object[0])),
          LocaleContextHolder.getLocale()));
      return "enrolment/import";
    }
    ImportJobs.Job job = jobs.start(file.getBytes(), classesOf(auth), auth.getName());
    return "redirect:/import?job=" + job.getId();
  }

  record JobStatus(String state, int total, int written, int percent, RosterImport.Result result, int errors) {}

  /** How far the page's import has got, polled by the page (JSON). */
  @GetMapping("/import/jobs/{id}")
  @ResponseBody
  ResponseEntity<JobStatus> status(@PathVariable String id, Authentication auth) {
    return jobs.job(id, auth.getName())
        .map(j -> ResponseEntity.ok(new JobStatus(j.getState().name(), j.getTotal(), j.getWritten(), j.getPercent(), j.getResult(),
            j.errors.size())))
        .orElse(ResponseEntity.notFound().build());
  }

  /**
   * The empty roster workbook: at {@code /api/…} for API clients (HTTP Basic), and at
   * {@code /import/template.xlsx} for the signed-in coordinator's page (session login: the page's
   * 下载模板 link, which over {@code /api} got a 401 and a password prompt).
   */
  @GetMapping({"/api/import/roster/template.xlsx", "/import/template.xlsx"})
  ResponseEntity<byte[]> template(Authentication auth) throws IOException {
    List<String> classNames = List.copyOf(classesOf(auth).keySet());
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("花名册");
      Row header = sheet.createRow(0);
      for (int i = 0; i < RosterImport.COLUMNS.size(); i++) {
        header.createCell(i).setCellValue(RosterImport.COLUMNS.get(i)[0]);
        sheet.setColumnWidth(i, 14 * 256);
      }
      Sheet list = book.createSheet("班级");
      list.createRow(0).createCell(0).setCellValue("班级");
      for (int i = 0; i < classNames.size(); i++) {
        list.createRow(i + 1).createCell(0).setCellValue(classNames.get(i));
      }
      DataValidationHelper help = sheet.getDataValidationHelper();
      int rows = RosterImport.MAX_ROWS;
      if (!classNames.isEmpty()) {
        DataValidation classes = help.createValidation(help.createFormulaListConstraint("'班级'!$A$2:$A$" + (classNames.size() + 1)),
            new CellRangeAddressList(1, rows, 4, 4));
        classes.setShowErrorBox(true);
        sheet.addValidationData(classes);
      }
      sheet.addValidationData(help.createValidation(help.createExplicitListConstraint(new String[] {"男", "女"}),
          new CellRangeAddressList(1, rows, 2, 2)));
      sheet.addValidationData(help.createValidation(help.createExplicitListConstraint(
          RosterImport.CARE_TYPES.keySet().toArray(String[]::new)), new CellRangeAddressList(1, rows, 5, 5)));
      book.write(out);
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-template.xlsx\"")
          .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
          .body(out.toByteArray());
    }
  }
}
