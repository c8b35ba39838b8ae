package org.careflow.setup;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.identity.CurrentUser;
import org.careflow.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The set-up workbook for administrators: the template, the JSON API (HTTP Basic) and the page. */
@Controller
class SetupController {

  /** The new accounts' initial passwords of the last upload, for the printable sheet; kept in the session only. */
  static final String NEW_ACCOUNTS = "careflow.setup.newAccounts";

  private final SchoolSetup setup;
  private final MessageSource messages;

  SetupController(SchoolSetup setup, MessageSource messages) {
    this.setup = setup;
    this.messages = messages;
  }

  record ProblemView(String sheet, int row, String column, String message) {}

  private List<ProblemView> explain(List<SetupWorkbook.Problem> problems, Locale locale) {
    return problems.stream().map(p -> new ProblemView(p.sheet(), p.row(), p.column(),
        messages.getMessage(p.code(), p.args(), p.code(), locale))).toList();
  }

  private static void adminOnly(Authentication auth) {
    if (!CurrentUser.of(auth).isAdmin()) {
      throw new NotFoundException("setup is for administrators");
    }
  }

  private SchoolSetup.Result run(MultipartFile file, Authentication auth) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new SchoolSetup.Rejected(List.of(new SetupWorkbook.Problem(null, 0, null, "import.noFile", new Object[0])));
    }
    return setup.apply(file.getBytes(), auth.getName());
  }

  @GetMapping("/api/setup/template.xlsx")
  ResponseEntity<byte[]> template(Authentication auth) throws IOException {
    adminOnly(auth);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"setup-template.xlsx\"")
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(SetupTemplate.write());
  }

  @PostMapping("/api/setup")
  @ResponseBody
  ResponseEntity<Object> api(@RequestParam(value = "file", required = false) MultipartFile file, Authentication auth) throws IOException {
    adminOnly(auth);
    try {
      SchoolSetup.Result r = run(file, auth);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("sheets", r.sheets());
      body.put("accounts", r.accounts());
      return ResponseEntity.ok(body);
    } catch (SchoolSetup.Rejected e) {
      Locale locale = LocaleContextHolder.getLocale();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", HttpStatus.UNPROCESSABLE_ENTITY.value());
      body.put("error", messages.getMessage("setup.rejected", null, locale));
      body.put("errors", explain(e.problems(), locale));
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(body);
    }
  }

  @GetMapping("/setup")
  String page(Authentication auth) {
    adminOnly(auth);
    return "setup/setup";
  }

  @PostMapping("/setup")
  String upload(@RequestParam(value = "file", required = false) MultipartFile file, Authentication auth, HttpSession session, Model model)
      throws IOException {
    adminOnly(auth);
    try {
      SchoolSetup.Result r = run(file, auth);
      model.addAttribute("result", r);
      session.setAttribute(NEW_ACCOUNTS, new java.util.ArrayList<>(r.accounts()));
    } catch (SchoolSetup.Rejected e) {
      model.addAttribute("problems", explain(e.problems(), LocaleContextHolder.getLocale()));
    }
    return "setup/setup";
  }

  /** The printable sheet of 账号/初始密码 of the last upload in this session; gone once cleared or the session ends. */
  @GetMapping("/setup/passwords")
  String passwords(Authentication auth, HttpSession session, Model model) {
    adminOnly(auth);
    Object accounts = session.getAttribute(NEW_ACCOUNTS);
    model.addAttribute("accounts", accounts == null ? List.of() : accounts);
    return "setup/passwords";
  }

  @PostMapping("/setup/passwords/clear")
  String clear(Authentication auth, HttpSession session) {
    adminOnly(auth);
    session.removeAttribute(NEW_ACCOUNTS);
    return "redirect:/setup";
  }
}
