package org.careflow.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online backup of the embedded H2 database for administrators ({@code POST /api/admin/backup}, HTTP
 * Basic): H2's own BACKUP writes a consistent zip while careflow keeps running. PostgreSQL is backed up
 * with pg_dump instead (docs/OPERATIONS.md).
 */
@RestController
class BackupController {

  private final JdbcTemplate jdbc;
  private final Path folder;

  BackupController(JdbcTemplate jdbc, @Value("${careflow.backup-dir:./backups}") String folder) {
    this.jdbc = jdbc;
    this.folder = Path.of(folder);
  }

  @PostMapping("/api/admin/backup")
  ResponseEntity<Map<String, Object>> backup() throws Exception {
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    if (!"H2".equals(product)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "online backup here is for H2; use pg_dump for " + product));
    }
    Files.createDirectories(folder);
    Path file = folder.resolve("careflow-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip").toAbsolutePath();
    jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
    return ResponseEntity.ok(Map.of("file", file.toString(), "bytes", Files.size(file)));
  }
}
