package org.careflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module's SQL names only its own tables, and only the engine adapter names the engine's.
 *
 * <p>Each table's owner is declared once: the module of the JPA entity mapped to it ({@code @Table(name = ...)}),
 * or, for a table without an entity, an {@code -- owner: <module>} line right before its {@code create table}
 * in the migration that creates it. The test reads every string literal of the main sources (SQL in Java
 * strings, text blocks, {@code @Query} and native queries) and fails when a module names a table another module
 * owns, or names one of the engine's {@code ACT_*} tables outside {@link #ENGINE_ADAPTER}. Comments do not count.
 */
class TableOwnershipTest {

  static final Path MAIN = Path.of("src/main/java/org/careflow");
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  /** The one class allowed to name the engine's tables (see its comment). */
  static final String ENGINE_ADAPTER = "shared/EngineTables.java";
  /** Tables made by Flyway's own configuration rather than a migration (database/NodeStartup). */
  static final Map<String, String> FLYWAY_TABLES = Map.of("cf_engine_index_history", "database");

  /**
   * Reads not yet moved behind the owning module's API, as a ratchet: the list may only shrink (an entry
   * no longer needed fails too). Empty: every module reads another's data through its Java API or its
   * events (oversight's case summary, the last one, now follows child's CaseFactsChanged). A new entry
   * must be argued here, with the file and the tables it names.
   */
  static final Map<String, Set<String>> STILL_TO_MOVE = Map.of();

  private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"(cf_\\w+)\"");
  private static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(cf_\\w+)");
  private static final Pattern RENAMED = Pattern.compile("(?i)alter\\s+table\\s+(cf_\\w+)\\s+rename\\s+to");
  private static final Pattern OWNER = Pattern.compile("--\\s*owner:\\s*(\\w+)");
  private static final Pattern CF_NAME = Pattern.compile("(?i)\\bcf_[a-z0-9_]+\\b");
  private static final Pattern ACT_NAME = Pattern.compile("(?i)\\bACT_(?:RU|RE|HI|GE|ID)_[A-Z_]+\\b");

  @Test
  void everyTableHasOneDeclaredOwner() {
    Map<String, String> owners = owners();
    Set<String> unowned = new TreeSet<>(createdTables());
    unowned.removeAll(owners.keySet());
    assertThat(unowned).as("tables without an owner: map an entity (@Table) or write '-- owner: <module>' before the create table")
        .isEmpty();
  }

  @Test
  void aModuleNamesOnlyItsOwnTables() {
    Map<String, String> owners = owners();
    List<String> wrong = new ArrayList<>();
    Map<String, Set<String>> stillNamed = new TreeMap<>();
    for (Path file : javaFiles()) {
      String module = moduleOf(file);
      String name = MAIN.relativize(file).toString().replace('\\', '/');
      for (String literal : stringLiterals(read(file))) {
        Matcher m = CF_NAME.matcher(literal);
        while (m.find()) {
          String table = m.group().toLowerCase(java.util.Locale.ROOT);
          String owner = owners.get(table);
          if (owner != null && !owner.equals(module) && STILL_TO_MOVE.getOrDefault(name, Set.of()).contains(table)) {
            stillNamed.computeIfAbsent(name, k -> new TreeSet<>()).add(table);
          } else if (owner != null && !owner.equals(module)) {
            wrong.add(MAIN.relativize(file) + " names " + table + " (owned by " + owner + ")");
          }
        }
      }
    }
    assertThat(wrong).as("read another module's data through its public Java API or its events").isEmpty();
    Map<String, Set<String>> listed = new TreeMap<>();
    STILL_TO_MOVE.forEach((f, t) -> listed.put(f, new TreeSet<>(t)));
    assertThat(stillNamed).as("STILL_TO_MOVE may only shrink: remove what is no longer named").isEqualTo(listed);
  }

  @Test
  void onlyTheEngineAdapterNamesTheEnginesTables() {
    List<String> wrong = new ArrayList<>();
    for (Path file : javaFiles()) {
      if (MAIN.relativize(file).toString().replace('\\', '/').equals(ENGINE_ADAPTER)) {
        continue;
      }
      for (String literal : stringLiterals(read(file))) {
        Matcher m = ACT_NAME.matcher(literal);
        while (m.find()) {
          wrong.add(MAIN.relativize(file) + " names " + m.group());
        }
      }
    }
    assertThat(wrong).as("use the engine's services, or a method of " + ENGINE_ADAPTER).isEmpty();
  }

  @Test
  void theScannerSeesStringsAndNotComments() {
    List<String> found = stringLiterals("""
        // "cf_in_line_comment"
        /* "cf_in_block_comment" */
        String a = "select * from cf_one where x = '\\"'";
        String b = \"\"\"
            select * from cf_two
            \"\"\";
        char c = '"';
        """);
    assertThat(String.join("|", found)).contains("cf_one").contains("cf_two").doesNotContain("cf_in_line_comment")
        .doesNotContain("cf_in_block_comment");
  }

  /** table → owning module. */
  static Map<String, String> owners() {
    Map<String, String> owners = new TreeMap<>(FLYWAY_TABLES);
    for (Path file : javaFiles()) {
      Matcher m = TABLE_ANNOTATION.matcher(read(file));
      while (m.find()) {
        String before = owners.put(m.group(1), moduleOf(file));
        assertThat(before).as("%s mapped twice", m.group(1)).isNull();
      }
    }
    for (Path sql : migrationFiles()) {
      String owner = null;
      for (String line : read(sql).split("\n")) {
        Matcher o = OWNER.matcher(line);
        if (o.find()) {
          owner = o.group(1);
          continue;
        }
        Matcher c = CREATE.matcher(line);
        if (c.find() && owner != null) {
          String before = owners.put(c.group(1).toLowerCase(java.util.Locale.ROOT), owner);
          assertThat(before == null || before.equals(owner)).as("%s has two owners: %s and %s", c.group(1), before, owner).isTrue();
          owner = null;
        }
      }
    }
    return owners;
  }

  /** Every careflow table the migrations create (and do not rename away). */
  static Set<String> createdTables() {
    Set<String> tables = new TreeSet<>();
    Set<String> renamed = new TreeSet<>();
    for (Path sql : migrationFiles()) {
      String text = read(sql);
      CREATE.matcher(text).results().forEach(r -> tables.add(r.group(1).toLowerCase(java.util.Locale.ROOT)));
      RENAMED.matcher(text).results().forEach(r -> renamed.add(r.group(1).toLowerCase(java.util.Locale.ROOT)));
    }
    tables.removeAll(renamed);
    return tables;
  }

  static String moduleOf(Path file) {
    Path rel = MAIN.relativize(file);
    return rel.getNameCount() == 1 ? "app" : rel.getName(0).toString();
  }

  /** The contents of the string literals and text blocks of a Java source, without its comments. */
  static List<String> stringLiterals(String src) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        i = src.indexOf('\n', i);
        i = i < 0 ? n : i;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        i = src.indexOf("*/", i + 2);
        i = i < 0 ? n : i + 2;
      } else if (c == '\'') {
        i++;
        while (i < n && src.charAt(i) != '\'') {
          i += src.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end;
        out.add(src.substring(i + 3, end));
        i = end + 3;
      } else if (c == '"') {
        StringBuilder s = new StringBuilder();
        i++;
        while (i < n && src.charAt(i) != '"' && src.charAt(i) != '\n') {
          if (src.charAt(i) == '\\' && i + 1 < n) {
            s.append(src.charAt(i + 1));
            i += 2;
          } else {
            s.append(src.charAt(i++));
          }
        }
        out.add(s.toString());
        i++;
      } else {
        i++;
      }
    }
    return out;
  }

  static List<Path> javaFiles() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> migrationFiles() {
    try (Stream<Path> files = Files.walk(MIGRATIONS)) {
      return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
