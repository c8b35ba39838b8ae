package org.careflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.careflow.CareflowTest;
import org.careflow.shared.ChildRecords.ChildTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every table of the running schema with a {@code child_id} or {@code case_id} column is in a child's file:
 * some module declares it (a {@code ChildRecords} bean), and the declaration says what anonymisation clears
 * or why the rows may stay. A new table of a child's data without that fails here.
 */
class ChildFileCoverageTest extends CareflowTest {

  @Autowired DataSource dataSource;
  @Autowired ChildFile file;

  /** careflow's tables and their columns, lower case, from the database's metadata. */
  private Map<String, Set<String>> schema() throws Exception {
    Map<String, Set<String>> columns = new TreeMap<>();
    try (var c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          String schema = String.valueOf(rs.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
          if (table.startsWith("cf_") && (schema.equals("public") || schema.equals("null"))) {
            columns.computeIfAbsent(table, t -> new TreeSet<>()).add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return columns;
  }

  @Test
  void everyTableOfAChildsDataIsInTheChildsFile() throws Exception {
    Map<String, Set<String>> schema = schema();
    assertThat(schema).as("the schema was read").containsKey("cf_monthly_talk");
    Set<String> ofAChild = new TreeSet<>();
    schema.forEach((table, cols) -> {
      if (cols.contains("child_id") || cols.contains("case_id")) {
        ofAChild.add(table);
      }
    });
    Set<String> declared = new TreeSet<>();
    file.declaredTables().forEach(t -> declared.add(t.table()));
    assertThat(declared).as("declare the table in its module's ChildRecords bean (export and anonymisation)").containsAll(ofAChild);
  }

  @Test
  void eachDeclarationClearsRealColumnsOrSaysWhyNot() throws Exception {
    Map<String, Set<String>> schema = schema();
    List<String> wrong = new ArrayList<>();
    for (ChildTable t : file.declaredTables()) {
      Set<String> cols = schema.get(t.table());
      if (cols == null) {
        wrong.add(t.table() + ": no such table");
        continue;
      }
      for (String c : t.cleared()) {
        if (!cols.contains(c.replace("!", ""))) {
          wrong.add(t.table() + "." + c + ": no such column");
        }
      }
      if (t.cleared().isEmpty() && (t.keptBecause() == null || t.keptBecause().isBlank())) {
        wrong.add(t.table() + ": clears nothing and says not why");
      }
      if (t.section() == null && (t.keptBecause() == null || t.keptBecause().isBlank())) {
        wrong.add(t.table() + ": not exported and says not why");
      }
    }
    assertThat(wrong).isEmpty();
  }
}
