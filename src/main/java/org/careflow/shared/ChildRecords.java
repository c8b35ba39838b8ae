package org.careflow.shared;

import java.util.List;

/**
 * A module that keeps data about a child says so here: privacy's ChildFile exports and anonymises a
 * child's data by asking every bean of this type for its tables, so no other module names them (the module
 * owns its tables; ChildFileCoverageTest fails when a table with a child_id or case_id column is declared
 * by nobody).
 */
public interface ChildRecords {

  /** This module's tables with a child's data, each with what the export and the anonymisation do with it. */
  List<ChildTable> childTables();

  /**
   * One table (or one view of it) holding a child's data.
   *
   * @param table the table
   * @param section where its rows go in the export: a top-level key ("cases"), or {@code records.<name>}; null:
   *     not exported (see {@code keptBecause})
   * @param columns the columns exported ("*" for all)
   * @param where the child's rows, with the parameters {@code :child} (the child id), {@code :cases} (the
   *     child's case ids) or {@code :tasks} (the engine's task ids of the cases)
   * @param orderBy the export's order
   * @param cleared the free-text columns anonymisation clears: to null, or to "-" where required (marked "!")
   * @param keptBecause when nothing is cleared: why the rows may stay as they are
   */
  record ChildTable(String table, String section, String columns, String where, String orderBy, List<String> cleared,
      String keptBecause) {

    /** Rows per case, exported under records.&lt;table&gt;, with the free-text columns anonymisation clears. */
    public static ChildTable perCase(String table, String... cleared) {
      return new ChildTable(table, "records." + table, "*", "case_id in (:cases)", "id", List.of(cleared), null);
    }

    /** Rows per child, exported under records.&lt;table&gt;, with the free-text columns anonymisation clears. */
    public static ChildTable perChild(String table, String... cleared) {
      return new ChildTable(table, "records." + table, "*", "child_id = :child", "child_id", List.of(cleared), null);
    }

    /** The same rows, kept as they are on anonymisation, for the reason given. */
    public ChildTable kept(String reason) {
      return new ChildTable(table, section, columns, where, orderBy, List.of(), reason);
    }

    public ChildTable section(String newSection) {
      return new ChildTable(table, newSection, columns, where, orderBy, cleared, keptBecause);
    }

    public ChildTable where(String newWhere) {
      return new ChildTable(table, section, columns, newWhere, orderBy, cleared, keptBecause);
    }

    public ChildTable orderBy(String newOrder) {
      return new ChildTable(table, section, columns, where, newOrder, cleared, keptBecause);
    }

    public ChildTable columns(String newColumns) {
      return new ChildTable(table, section, newColumns, where, orderBy, cleared, keptBecause);
    }
  }
}
