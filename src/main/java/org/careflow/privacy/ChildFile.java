package org.careflow.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careflow.child.ChildArchiveFile;
import org.careflow.identity.Audit;
import org.careflow.shared.ChildRecords;
import org.careflow.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything careflow holds about one child, in one place: the archive, its history, the cases, every
 * record of the cases, the task comments, the engine's history of the cases and the audit trail. It
 * exports it for an administrator and anonymises it when the retention period is over. The tables are
 * the owning modules' to name: each declares its part as a {@link ChildRecords} bean (what is exported
 * where, which free-text columns anonymisation clears, or why a table keeps its rows); this class runs
 * them and reads the engine's history through its services.
 */
@Service
public class ChildFile {

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final HistoryService history;
  private final TaskService tasks;
  private final Audit audit;

  private final ChildArchiveFile archive;
  private final List<ChildRecords> holders;

  ChildFile(JdbcTemplate jdbc, HistoryService history, TaskService tasks, Audit audit, ChildArchiveFile archive, List<ChildRecords> holders) {
    this.archive = archive;
    this.holders = holders;
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.history = history;
    this.tasks = tasks;
    this.audit = audit;
  }

  private List<Long> caseIds(long childId) {
    return archive.caseIds(childId);
  }

  /** Every table with a child's data, as the modules that own them declare it (ChildFileCoverageTest compares it with the schema). */
  public List<ChildRecords.ChildTable> declaredTables() {
    return holders.stream().flatMap(h -> h.childTables().stream()).toList();
  }

  /** The parameters a table's {@code where} may use; a table whose parameter list is empty has no rows of the child. */
  private static Map<String, Object> params(ChildRecords.ChildTable t, long childId, List<Long> caseIds, List<String> taskIds) {
    if (t.where().contains(":tasks")) {
      return taskIds.isEmpty() ? null : Map.of("tasks", taskIds);
    }
    if (t.where().contains(":cases")) {
      return caseIds.isEmpty() ? null : Map.of("cases", caseIds);
    }
    return Map.of("child", childId);
  }

  /** The engine's process instances of the cases, with the ones they called. */
  private List<String> processInstanceIds(List<Long> caseIds) {
    List<String> out = new ArrayList<>();
    for (Long caseId : caseIds) {
      for (HistoricProcessInstance root : history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(org.careflow.shared.CaseProcesses.CHILD_CASE).processInstanceBusinessKey(caseId.toString()).list()) {
        history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).list()
            .forEach(p -> out.add(p.getId()));
        if (!out.contains(root.getId())) {
          out.add(root.getId());
        }
      }
    }
    return out;
  }

  private List<String> taskIds(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String pi : processInstanceIds) {
      history.createHistoricTaskInstanceQuery().processInstanceId(pi).list().forEach(t -> out.add(t.getId()));
    }
    return out;
  }

  private List<Map<String, Object>> rows(String sql, Map<String, ?> params) {
    return named.queryForList(sql, params);
  }

  /** The whole file as plain maps and lists, ready for JSON. Records the export in the audit trail. */
  @Transactional
  public Map<String, Object> export(long childId, String actor) {
    Map<String, Object> child = archive.archiveRow(childId).orElseThrow(() -> new NotFoundException("child " + childId));
    List<Long> caseIds = caseIds(childId);
    List<String> pis = processInstanceIds(caseIds);
    List<String> taskIds = taskIds(pis);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exportedAt", OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC));
    out.put("exportedBy", actor);
    out.put("child", child);
    Map<String, Object> records = new LinkedHashMap<>();
    for (ChildRecords.ChildTable t : declaredTables()) {
      if (t.section() == null) {
        continue;
      }
      Map<String, Object> p = params(t, childId, caseIds, taskIds);
      List<Map<String, Object>> rows = p == null ? List.of()
          : rows("select " + t.columns() + " from " + t.table() + " where " + t.where() + " order by " + t.orderBy(), p);
      if (t.section().startsWith("records.")) {
        records.put(t.section().substring("records.".length()), rows);
      } else {
        out.put(t.section(), rows);
      }
    }
    out.put("records", records);

    List<Map<String, Object>> processes = new ArrayList<>();
    for (String pi : pis) {
      HistoricProcessInstance p = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.getId());
      m.put("process", p.getProcessDefinitionKey());
      m.put("businessKey", p.getBusinessKey());
      m.put("state", p.getState());
      m.put("start", p.getStartTime());
      m.put("end", p.getEndTime());
      List<Map<String, Object>> taskList = new ArrayList<>();
      for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pi).orderByHistoricActivityInstanceStartTime().asc().list()) {
        Map<String, Object> tm = new LinkedHashMap<>();
        tm.put("id", t.getId());
        tm.put("key", t.getTaskDefinitionKey());
        tm.put("name", t.getName());
        tm.put("assignee", t.getAssignee());
        tm.put("created", t.getStartTime());
        tm.put("due", t.getDueDate());
        tm.put("ended", t.getEndTime());
        tm.put("outcome", t.getDeleteReason());
        tm.put("engineComments", tasks.getTaskComments(t.getId()).stream().map(c -> Map.of(
            "by", String.valueOf(c.getUserId()), "at", c.getTime(), "text", String.valueOf(c.getFullMessage()))).toList());
        taskList.add(tm);
      }
      m.put("tasks", taskList);
      List<Map<String, Object>> vars = new ArrayList<>();
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(pi).disableCustomObjectDeserialization().list()) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("name", v.getName());
        vm.put("type", v.getTypeName());
        org.camunda.bpm.engine.variable.value.TypedValue typed = v.getTypedValue();
        Object value = typed instanceof org.camunda.bpm.engine.variable.value.SerializableValue sv ? sv.getValueSerialized() : typed.getValue();
        vm.put("value", value == null || value instanceof Number || value instanceof Boolean ? value : String.valueOf(value));
        vars.add(vm);
      }
      m.put("variables", vars);
      processes.add(m);
    }
    out.put("engineHistory", processes);
    audit.change(actor, Audit.EXPORT, childId, null, "everything held about the child");
    return out;
  }

  /** Free-text columns cleared: to null, or to "-" where the column is required (marked with "!"). */
  private static String assignments(List<String> columns) {
    return String.join(", ", columns.stream()
        .map(c -> c.endsWith("!") ? c.substring(0, c.length() - 1) + " = '-'" : c + " = null").toList());
  }

  /**
   * Removes the child's personal data: the archive's personal fields and name, the old and new values
   * in its history, the free text of every record and task comment, and the engine's history of the
   * cases (variables, tasks, comments, activities). What stays: that a child of this class had a case
   * of this care type, opened and closed on these days, with these kinds of records and who wrote them,
   * and the audit trail (who did what, never the values). Returns false when someone else did it first.
   */
  @Transactional
  public boolean anonymise(long childId) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (!archive.anonymiseArchive(childId, now)) {
      return false;
    }
    List<Long> caseIds = caseIds(childId);
    List<String> pis = processInstanceIds(caseIds);
    List<String> taskIds = taskIds(pis);
    for (ChildRecords.ChildTable t : declaredTables()) {
      if (t.cleared().isEmpty()) {
        continue;
      }
      String update = "update " + t.table() + " set " + assignments(t.cleared()) + " where " + t.where();
      if (t.where().contains(":tasks")) {
        for (int i = 0; i < taskIds.size(); i += 500) {
          named.update(update, Map.of("tasks", taskIds.subList(i, Math.min(taskIds.size(), i + 500))));
        }
      } else {
        Map<String, Object> p = params(t, childId, caseIds, taskIds);
        if (p != null) {
          named.update(update, p);
        }
      }
    }
    List<String> finished = pis.stream()
        .filter(pi -> history.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count() == 1).toList();
    if (!finished.isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(finished);
    }
    audit.change("system", Audit.ANONYMISE, childId, null, "retention period over");
    return true;
  }
}
