package org.careflow.privacy;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Everything held about one child as a JSON download, for administrators (HTTP Basic, {@code /api/admin/**}). */
@RestController
class ExportController {

  private final ChildFile file;

  ExportController(ChildFile file) {
    this.file = file;
  }

  @GetMapping("/api/admin/children/{id}/export")
  ResponseEntity<Map<String, Object>> export(@PathVariable long id, Authentication auth) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"child-" + id + ".json\"")
        .body(file.export(id, auth.getName()));
  }
}
