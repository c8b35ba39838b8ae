package org.careflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded database file under steady small commits (as a school's server sees all day) stays near
 * the size of its data with the housekeeping, and grows with every commit without it.
 */
class EmbeddedFileHousekeepingTest {

  static final int ROWS = 2_000;
  static final int COMMITS = 6_000;

  @TempDir
  Path dir;

  @Test
  void theFileStaysNearTheSizeOfItsDataAsCommitsGoOn() throws Exception {
    long without = run("without", false);
    long with = run("with", true);
    System.out.printf("H2 file after %d commits: %d KB without housekeeping, %d KB with%n", COMMITS, without >> 10, with >> 10);
    assertThat(with).isLessThan(without / 3);
  }

  /** The file's size after the commits; every row's counter checked against what was written. */
  private long run(String name, boolean housekeeping) throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    // RETENTION_TIME=0: H2's 45 s would make the test wait; the commits here are seconds apart at most
    ds.setURL("jdbc:h2:file:" + dir.resolve(name).resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0");
    ds.setUser("sa");
    EmbeddedFileHousekeeping keeper = new EmbeddedFileHousekeeping(ds, 80, 4 << 20);
    long[] expected = new long[ROWS];
    try (Connection c = ds.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("create table visit(id int primary key, child varchar(40), visits bigint, note varchar(200))");
        s.execute("create index visit_child on visit(child)");
        s.execute("insert into visit select x, 'child ' || x, 0, repeat('n', 150) from system_range(0, " + (ROWS - 1) + ")");
        s.execute("create table visit_log(id bigint auto_increment primary key, visit int, at timestamp, note varchar(200))");
        s.execute("create index visit_log_visit on visit_log(visit)");
      }
      c.setAutoCommit(false);
      Random random = new Random(7);
      try (PreparedStatement update = c.prepareStatement("update visit set visits = visits + 1 where id = ?");
          PreparedStatement log = c.prepareStatement("insert into visit_log(visit, at, note) values (?, current_timestamp, repeat('l', 100))")) {
        for (int i = 0; i < COMMITS; i++) {
          int id = random.nextInt(ROWS);
          update.setInt(1, id);
          update.executeUpdate();
          log.setInt(1, id);
          log.executeUpdate();
          c.commit();
          expected[id]++;
          if (housekeeping && i % 50 == 0) {
            keeper.compact();
          }
        }
      }
      try (Statement s = c.createStatement(); var rs = s.executeQuery("select id, visits from visit order by id")) {
        int n = 0;
        while (rs.next()) {
          assertThat(rs.getLong(2)).as("visits of row %d", rs.getInt(1)).isEqualTo(expected[rs.getInt(1)]);
          n++;
        }
        assertThat(n).isEqualTo(ROWS);
      }
      long size = Files.size(dir.resolve(name).resolve("db.mv.db"));
      c.createStatement().execute("shutdown immediately");
      return size;
    }
  }
}
