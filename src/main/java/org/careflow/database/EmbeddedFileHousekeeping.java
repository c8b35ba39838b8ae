package org.careflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded default's database file near the size of its data.
 *
 * <p>H2 writes each commit as a new chunk at the end of the file, holding every page the commit changed,
 * and uses a chunk's space again only once none of its pages is current. A history table's full pages stay
 * current for good, so almost every chunk keeps a few current pages among many stale ones, until something
 * copies those few elsewhere. H2's background thread does that, but with {@code WRITE_DELAY=0} (every
 * commit written before it is answered: the embedded default, see application.yaml) H2 runs no background
 * thread: after a month-start burst 94 % of the file was stale pages, and the file grew with every commit
 * for as long as the server ran (docs/PERFORMANCE.md). Every second this does the same work here: when less
 * than {@code fill-rate} % of the chunks' bytes are current, the current pages of the emptiest chunks older
 * than H2's retention time (up to {@code bytes-per-pass}) are written again, by this thread, so that the
 * chunks they leave can be used again. Nothing on PostgreSQL, on an H2 database in memory or behind a
 * server, or with a write delay (H2's own thread does it then).
 */
@Component
@EnableScheduling
class EmbeddedFileHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedFileHousekeeping.class);

  private final DataSource dataSource;
  private final int fillRate;
  private final int bytesPerPass;
  private volatile boolean notForThisDatabase;

  EmbeddedFileHousekeeping(DataSource dataSource, @Value("${careflow.h2.housekeeping.fill-rate:80}") int fillRate,
      @Value("${careflow.h2.housekeeping.bytes-per-pass:4194304}") int bytesPerPass) {
    this.dataSource = dataSource;
    this.fillRate = fillRate;
    this.bytesPerPass = bytesPerPass;
  }

  /** One pass: copies the current pages of the emptiest old chunks, if the file is emptier than the fill rate. */
  @Scheduled(fixedDelayString = "${careflow.h2.housekeeping.every:PT1S}", initialDelayString = "${careflow.h2.housekeeping.every:PT1S}")
  void compact() {
    if (notForThisDatabase) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      MVStore store = storeOf(c);
      if (store == null || store.getFileStore() == null || store.getAutoCommitDelay() > 0) {
        notForThisDatabase = true;
        return;
      }
      if (store.compact(fillRate, bytesPerPass)) {
        // the copied pages are written now, by this thread, not with the next teacher's commit
        store.commit();
      }
    } catch (SQLException | RuntimeException e) {
      // the database closing under the application's shutdown: nothing to keep any more
      log.debug("H2 housekeeping skipped: {}", e.toString());
    }
  }

  /** H2's store behind a connection, or null when the connection is not to a database in this JVM. */
  static MVStore storeOf(Connection c) throws SQLException {
    if (!c.isWrapperFor(JdbcConnection.class)) {
      return null;
    }
    if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
      return null; // a connection to an H2 server, which keeps its own file
    }
    var store = local.getDatabase().getStore();
    return store == null ? null : store.getMvStore();
  }
}
