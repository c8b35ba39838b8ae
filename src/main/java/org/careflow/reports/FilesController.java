package org.careflow.reports;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.shared.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printable files as PDF: a child's 一人一档 ({@code /children/{id}/file.pdf?scope=term|case}) and
 * 联系卡 ({@code /children/{id}/card.pdf}), seen by whoever sees the child's page; a class's file of a term
 * ({@code /classes/{id}/file.pdf?term=}), seen by the class teacher and the people who look after the
 * class's school. Others get the 404 of a child or class that does not exist. Every child in a file is
 * audited as read.
 */
@RestController
class FilesController {

  private final ChildFiles files;
  private final PdfRenderer pdf;
  private final Audit audit;

  FilesController(ChildFiles files, PdfRenderer pdf, Audit audit) {
    this.files = files;
    this.pdf = pdf;
    this.audit = audit;
  }

  @GetMapping("/children/{id}/file.pdf")
  ResponseEntity<byte[]> childFile(@PathVariable long id, @RequestParam(defaultValue = "term") String scope, Authentication auth) {
    if (!List.of("term", "case").contains(scope)) {
      throw InvalidInputException.of("scope", "validation.option");
    }
    Locale locale = LocaleContextHolder.getLocale();
    ChildFiles.ChildFile f = files.fileFor(id, "term".equals(scope), CurrentUser.of(auth), locale);
    audit.read(auth.getName(), id, null, "child file pdf");
    Map<String, Object> model = new HashMap<>();
    model.put("file", f);
    model.put("printed", files.today(locale));
    return send(pdf.pdf("reports/child-file", model, locale), "child-" + id + ".pdf");
  }

  @GetMapping("/children/{id}/card.pdf")
  ResponseEntity<byte[]> card(@PathVariable long id, Authentication auth) {
    Locale locale = LocaleContextHolder.getLocale();
    ChildFiles.ChildFile f = files.fileFor(id, false, CurrentUser.of(auth), locale);
    audit.read(auth.getName(), id, null, "contact card pdf");
    ChildFiles.CaseRow latest = f.cases().isEmpty() ? null : f.cases().get(0);
    Map<String, Object> model = new HashMap<>();
    model.put("file", f);
    model.put("mentor", latest == null ? "" : (latest.mentor() + " " + latest.mentorPhone()).strip());
    model.put("buddy", latest == null ? "" : latest.buddy());
    model.put("printed", files.today(locale));
    return send(pdf.pdf("reports/card", model, locale), "card-" + id + ".pdf");
  }

  @GetMapping("/classes/{id}/file.pdf")
  ResponseEntity<byte[]> classFile(@PathVariable long id, @RequestParam(required = false) Long term, Authentication auth) {
    Locale locale = LocaleContextHolder.getLocale();
    ChildFiles.ClassFile c = files.classFile(id, term, CurrentUser.of(auth), locale);
    for (ChildFiles.ChildFile f : c.files()) {
      audit.read(auth.getName(), f.childId(), null, "class file pdf");
    }
    if (c.papers().plan() != null) {
      for (var p : c.papers().plan().pairings()) {
        audit.read(auth.getName(), p.childId(), null, "class file pdf: class plan");
      }
    }
    return send(pdf.pdf("reports/class-file", c.model(files.today(locale)), locale), "class-" + id + "-term-" + c.termId() + ".pdf");
  }

  private static ResponseEntity<byte[]> send(byte[] body, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }
}
