package org.careflow.design;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The coordinators' view of the deployed models: versions, who deployed them, files, differences. */
@Controller
class DesignController {

  private final ModelCatalog catalog;
  private final CaseMigration migration;
  private final ModelDrafts drafts;

  DesignController(ModelCatalog catalog, CaseMigration migration, ModelDrafts drafts) {
    this.catalog = catalog;
    this.migration = migration;
    this.drafts = drafts;
  }

  @GetMapping("/design/migrate")
  String preview(@RequestParam String key, @RequestParam int from, @RequestParam int to, Model model) {
    model.addAttribute("preview", migration.preview(key, from, to));
    return "design/migrate";
  }

  @org.springframework.web.bind.annotation.PostMapping("/design/migrate")
  String migrate(@RequestParam String key, @RequestParam int from, @RequestParam int to) {
    String batch = migration.migrate(key, from, to);
    return "redirect:/design/migrations/" + batch + "?key=" + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8) + "&from=" + from + "&to=" + to;
  }

  @GetMapping("/design/migrations/{batchId}")
  String progress(@org.springframework.web.bind.annotation.PathVariable String batchId, @RequestParam String key,
      @RequestParam int from, @RequestParam int to, Model model) {
    model.addAttribute("progress", migration.progress(batchId, key, from, to));
    model.addAttribute("key", key);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return "design/progress";
  }

  @GetMapping("/design")
  String models(Model model) {
    model.addAttribute("models", catalog.models());
    model.addAttribute("drafts", drafts.open());
    return "design/models";
  }

  @GetMapping("/design/file")
  ResponseEntity<byte[]> file(@RequestParam String deployment, @RequestParam String resource) throws IOException {
    ModelCatalog.File f = catalog.file(deployment, resource);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(f.bytes());
  }

  @GetMapping("/design/diff")
  String diff(@RequestParam String key, @RequestParam int from, @RequestParam int to, Model model) {
    model.addAttribute("key", key);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("changes", catalog.diff(key, from, to));
    return "design/diff";
  }
}
