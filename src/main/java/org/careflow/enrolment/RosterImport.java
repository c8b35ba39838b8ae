package org.careflow.enrolment;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.RosterArchive;
import org.careflow.school.SchoolClass;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrols a school's left-behind children from its class roster (花名册, .xlsx), all or nothing: every
 * row is checked first, and one bad row means nothing is written. The student number (学号) is the
 * child's identity, so importing the same roster again creates nothing and starts no second case;
 * changed fields update the archive with history. Each new child gets a case whose registration task
 * opens prefilled with the roster's data.
 */
@Service
public class RosterImport {

  /** The template's columns, in order, with the archive field each fills. */
  public static final List<String[]> COLUMNS = List.of(
      new String[] {"学号", "studentNo"}, new String[] {"姓名", "name"}, new String[] {"性别", "sex"},
      new String[] {"出生日期", "birthDate"}, new String[] {"班级", "class"}, new String[] {"留守类型", "careType"},
      new String[] {"监护人姓名", "guardianName"}, new String[] {"监护人关系", "guardianRelationship"},
      new String[] {"监护人电话", "guardianPhone"}, new String[] {"父亲姓名", "fatherName"}, new String[] {"父亲电话", "fatherPhone"},
      new String[] {"父亲务工地", "fatherWorkplace"}, new String[] {"母亲姓名", "motherName"}, new String[] {"母亲电话", "motherPhone"},
      new String[] {"母亲务工地", "motherWorkplace"}, new String[] {"家庭住址", "homeAddress"});

  static final Map<String, String> SEX = Map.of("男", "M", "女", "F");
  static final Map<String, String> CARE_TYPES = Map.of("父母双方外出务工", "BOTH_AWAY", "父母一方外出务工", "ONE_AWAY",
      "离异单亲外出务工", "SINGLE_PARENT_AWAY", "孤儿", "ORPHAN", "父母在家", "PARENTS_HOME");
  static final int MAX_ROWS = 20_000;

  public record RowError(int row, String column, String code, Object[] args) {}

  public record Result(int created, int updated, int unchanged) {}

  /** The roster was refused: each bad row with its reasons; nothing was written. */
  public static class RosterRejected extends RuntimeException {
    private final List<RowError> errors;

    RosterRejected(List<RowError> errors) {
      super(errors.size() + " problems in the roster");
      this.errors = errors;
    }

    public List<RowError> errors() {
      return errors;
    }
  }

  /**
   * Rows written per engine command: the engine writes a chunk's cases in one flush, in JDBC batches,
   * but sorts a flush's inserts in quadratic time; 50 measured best (docs/PERFORMANCE.md). The system
   * property is for that measurement.
   */
  static final int CHUNK = Integer.getInteger("careflow.import.chunk", 50);

  /** How far an import has got, for the progress display; called on the importing thread. */
  public interface Progress {
    Progress NONE = new Progress() {};

    /** The file was read and every row checked: {@code rows} rows will be written. */
    default void checked(int rows) {}

    /** {@code rows} rows are written so far (not committed until the last). */
    default void written(int rows) {}
  }

  private final RosterArchive archive;
  private final CareCases cases;
  private final RuntimeService runtime;
  private final ProcessEngine engine;
  private final jakarta.persistence.EntityManager entities;

  RosterImport(RosterArchive archive, CareCases cases, ProcessEngine engine, jakarta.persistence.EntityManager entities) {
    this.entities = entities;
    this.archive = archive;
    this.cases = cases;
    this.runtime = engine.getRuntimeService();
    this.engine = engine;
  }

  private record Parsed(int row, Map<String, Object> values, SchoolClass schoolClass) {}

  @Transactional
  public Result importRoster(InputStream xlsx, Map<String, SchoolClass> classesByName, String actor) {
    return importRoster(xlsx, classesByName, actor, Progress.NONE);
  }

  /**
   * Reads and checks every row, then writes them all in this one transaction (all or nothing). The
   * writing goes in chunks of {@link #CHUNK} rows, each chunk one engine command: the engine then
   * flushes a chunk's new cases (executions, tasks, variables, history) once, in JDBC batches, instead
   * of once per case; that, and one look-up of the process definition per import instead of one per
   * case, is what makes an import faster than a plain loop of process starts (docs/PERFORMANCE.md).
   */
  @Transactional
  public Result importRoster(InputStream xlsx, Map<String, SchoolClass> classesByName, String actor, Progress progress) {
    List<RowError> errors = new ArrayList<>();
    List<Parsed> rows = parse(xlsx, classesByName, errors);
    if (!errors.isEmpty()) {
      throw new RosterRejected(errors);
    }
    progress.checked(rows.size());
    int[] counts = new int[3]; // created, updated, unchanged
    Map<Long, Long> termOfSchool = new HashMap<>(); // one calendar look-up per school, not per child
    String definitionId = null;
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<Parsed> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      Map<String, Child> known = archive.byStudentNo(chunk.stream().map(r -> (String) r.values().get("studentNo")).toList());
      if (definitionId == null && chunk.stream().anyMatch(r -> !known.containsKey((String) r.values().get("studentNo")))) {
        definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ChildCaseProcess.KEY)
            .latestVersion().singleResult().getId();
      }
      String definition = definitionId;
      inOneEngineCommand(() -> {
        for (Parsed r : chunk) {
          Child existing = known.get((String) r.values().get("studentNo"));
          Child[] made = new Child[1];
          boolean changed = archive.importValues(existing, r.schoolClass(), r.values(), actor, made);
          if (existing == null) {
            long termId = termOfSchool.computeIfAbsent(r.schoolClass().getSchool().getId(), cases::currentTermId);
            CareCase c = cases.openNew(made[0], termId, actor);
            runtime.startProcessInstanceById(definition, c.getId().toString(), Map.of(ChildCaseProcess.VAR_CASE_ID, c.getId()));
            counts[0]++;
          } else if (changed) {
            counts[1]++;
          } else {
            counts[2]++;
          }
        }
      });
      // Every task event flushes JPA's persistence context (the dashboard's summary reads what forms
      // wrote, oversight.OpenWork), and a flush looks at every entity in it: kept to one chunk's
      // children, not the whole file's, or the import slows down quadratically.
      entities.flush();
      entities.clear();
      progress.written(from + chunk.size());
    }
    return new Result(counts[0], counts[1], counts[2]);
  }

  /**
   * Runs the work as one engine command inside the current transaction: the engine API calls in it
   * join that command, so the engine flushes their entities once, at its end. (Engine internals, used
   * here only.)
   */
  private void inOneEngineCommand(Runnable work) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
      work.run();
      return null;
    });
  }

  private List<Parsed> parse(InputStream xlsx, Map<String, SchoolClass> classesByName, List<RowError> errors) {
    List<RosterSheet.Line> lines;
    try {
      lines = RosterSheet.read(xlsx, MAX_ROWS);
    } catch (RosterSheet.Unreadable e) {
      errors.add(new RowError(0, null, "import.notXlsx", new Object[0]));
      return List.of();
    } catch (RosterSheet.TooManyRows e) {
      errors.add(new RowError(0, null, "import.tooManyRows", new Object[] {MAX_ROWS}));
      return List.of();
    }
    Map<String, Integer> columnOf = new HashMap<>();
    if (!lines.isEmpty()) {
      lines.get(0).cells().forEach((col, text) -> columnOf.put(text.strip(), col));
    }
    for (String[] col : COLUMNS) {
      if (!columnOf.containsKey(col[0])) {
        errors.add(new RowError(1, col[0], "import.missingColumn", new Object[] {col[0]}));
      }
    }
    if (!errors.isEmpty()) {
      return List.of();
    }
    Set<String> keys = new java.util.HashSet<>();
    COLUMNS.forEach(c -> keys.add(c[1]));
    keys.remove("class");
    List<Parsed> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (RosterSheet.Line line : lines.subList(1, lines.size())) {
      int rowNo = line.row() + 1; // as Excel numbers them
      Map<String, Object> raw = new LinkedHashMap<>();
      boolean blank = true;
      for (String[] col : COLUMNS) {
        Object v = value(line.cells().get(columnOf.get(col[0])), col[1]);
        if (v != null) {
          blank = false;
          raw.put(col[1], v);
        }
      }
      if (blank) {
        continue;
      }
      FieldErrors fieldErrors = new FieldErrors();
      translate(raw, "sex", SEX, fieldErrors);
      translate(raw, "careType", CARE_TYPES, fieldErrors);
      if (raw.get("birthDate") instanceof String) {
        fieldErrors.reject("birthDate", "validation.date");
        raw.remove("birthDate");
      }
      SchoolClass schoolClass = null;
      Object className = raw.remove("class");
      if (className == null) {
        fieldErrors.reject("class", "validation.required");
      } else {
        schoolClass = classesByName.get(className.toString());
        if (schoolClass == null) {
          fieldErrors.reject("class", "import.unknownClass", className);
        }
      }
      Map<String, Object> checked = archive.check(new FormValues(raw), keys, fieldErrors);
      Object studentNo = checked.get("studentNo");
      if (studentNo != null && seen.containsKey(studentNo.toString())) {
        fieldErrors.reject("studentNo", "import.duplicateStudentNo", seen.get(studentNo.toString()));
      } else if (studentNo != null) {
        seen.put(studentNo.toString(), rowNo);
      }
      for (Map.Entry<String, FieldErrors.Error> e : fieldErrors.all().entrySet()) {
        errors.add(new RowError(rowNo, header(e.getKey()), e.getValue().code(), e.getValue().args()));
      }
      if (fieldErrors.isEmpty()) {
        checked.values().removeIf(java.util.Objects::isNull);
        out.add(new Parsed(rowNo, checked, schoolClass));
      }
    }
    if (out.isEmpty() && errors.isEmpty()) {
      errors.add(new RowError(0, null, "import.empty", new Object[0]));
    }
    return out;
  }

  private static String header(String key) {
    return COLUMNS.stream().filter(c -> c[1].equals(key)).map(c -> c[0]).findFirst().orElse(key);
  }

  private static void translate(Map<String, Object> raw, String key, Map<String, String> labels, FieldErrors errors) {
    Object v = raw.get(key);
    if (v == null) {
      return;
    }
    String code = labels.get(v.toString());
    if (code == null && labels.containsValue(v.toString())) {
      code = v.toString();
    }
    if (code == null) {
      errors.reject(key, "import.unknownValue", v, String.join("、", labels.keySet()));
      raw.remove(key);
    } else {
      raw.put(key, code);
    }
  }

  private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

  /** A cell's text, or a date for the date column (Excel date cells come as ISO dates; text in a common format). */
  private static Object value(String cell, String key) {
    String text = cell == null ? "" : cell.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (key.equals("birthDate")) {
      for (DateTimeFormatter f : DATES) {
        try {
          return LocalDate.parse(text, f);
        } catch (DateTimeParseException e) {
          // try the next way of writing a date
        }
      }
      return text; // reported as a bad date
    }
    return text;
  }
}
