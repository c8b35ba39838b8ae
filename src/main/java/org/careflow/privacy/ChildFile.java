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
import org.careflow.identity.Audit;
import org.careflow.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything careflow holds about one child, in one place: the archive, its history, the cases, every
 * record of the cases, the task comments, the engine's history of the cases and the audit trail. It
 * exports it for an administrator and anonymises it when the retention period is over.
 */
@Service
public class ChildFile {

  /** Tables with one row per record of a case, and their free-text columns (set to null, or to "-" where required). */
  static final Map<String, List<String>> RECORD_TABLES = new LinkedHashMap<>();
  static {
    RECORD_TABLES.put("cf_monthly_talk", List.of("concerns", "follow_up"));
    RECORD_TABLES.put("cf_mentor_check_in", List.of("notes", "plan"));
    RECORD_TABLES.put("cf_missed_check_in", List.of("reason!"));
    RECORD_TABLES.put("cf_home_visit", List.of("met_with!", "home_conditions!", "concerns"));
    RECORD_TABLES.put("cf_term_review", List.of("progress!", "summary!", "sign_off_comment"));
    RECORD_TABLES.put("cf_pairing", List.of("note"));
    RECORD_TABLES.put("cf_meeting_guest", List.of());
    RECORD_TABLES.put("cf_reminder", List.of());
    RECORD_TABLES.put("cf_family_call", List.of("notes"));
    RECORD_TABLES.put("cf_family_record", List.of("summary!"));
    RECORD_TABLES.put("cf_commendation", List.of());
    RECORD_TABLES.put("cf_risk_assessment", List.of("inputs!"));
    RECORD_TABLES.put("cf_support_plan", List.of("problems", "goals", "actions", "responsibilities", "close_comment"));
  }

  /** The support plans' reviews hang off the plan, not the case. */
  private static final String PLANS_OF_CASES = "plan_id in (select id from cf_support_plan where case_id in (:cases))";

  /** Tables with rows per child rather than per case, and their free-text columns. */
  static final Map<String, List<String>> CHILD_TABLES = new LinkedHashMap<>();
  static {
    CHILD_TABLES.put("cf_handover", List.of("note"));
    CHILD_TABLES.put("cf_call_expectation", List.of());
    CHILD_TABLES.put("cf_activity_attendance", List.of());
    // issue 17: holiday care and counselling
    CHILD_TABLES.put("cf_holiday_letter", List.of());
    CHILD_TABLES.put("cf_holiday_contact", List.of("notes"));
    CHILD_TABLES.put("cf_counselling_session", List.of("reason!", "what_was_done!", "follow_up", "shared_summary"));
    CHILD_TABLES.put("cf_counselling_referral", List.of("reason!"));
    // study help and carers (issue 17)
    CHILD_TABLES.put("cf_study_help", List.of("content!", "goal!", "effect_note"));
    CHILD_TABLES.put("cf_study_progress", List.of("improved!"));
    CHILD_TABLES.put("cf_study_buddy", List.of("effect_note"));
    CHILD_TABLES.put("cf_carer_child", List.of());
    CHILD_TABLES.put("cf_carer_contact", List.of("notes"));
    // issue 18 (branch handin): the class plans' pairings, the 劝返 follow-ups, which archived files hold the child
    CHILD_TABLES.put("cf_class_plan_pairing", List.of());
    CHILD_TABLES.put("cf_absence_follow_up", List.of("reason_text"));
    CHILD_TABLES.put("cf_report_archive_child", List.of());
  }

  /** The archive's personal columns: removed on anonymisation (care type, flags and class stay for the statistics). */
  static final List<String> PERSONAL_COLUMNS = List.of("student_no", "sex", "birth_date", "personality", "interests", "health",
      "academic_standing", "home_address", "father_name", "father_phone", "father_workplace", "father_employer_address",
      "father_employer_phone", "father_away_since", "mother_name", "mother_phone", "mother_workplace",
      "mother_employer_address", "mother_employer_phone", "mother_away_since", "guardian_name", "guardian_relationship",
      "guardian_phone", "guardian_age", "guardian_health", "guardian_occupation", "hardship", "consent_by");

  /** What the child's name becomes. */
  static final String ANONYMOUS = "已匿名";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final HistoryService history;
  private final TaskService tasks;
  private final Audit audit;

  private final org.springframework.context.ApplicationEventPublisher events;

  ChildFile(JdbcTemplate jdbc, HistoryService history, TaskService tasks, Audit audit,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.history = history;
    this.tasks = tasks;
    this.audit = audit;
  }

  private List<Long> caseIds(long childId) {
    return jdbc.queryForList("select id from cf_case where child_id = ? order by id", Long.class, childId);
  }

  /** The engine's process instances of the cases, with the ones they called. */
  private List<String> processInstanceIds(List<Long> caseIds) {
    List<String> out = new ArrayList<>();
    for (Long caseId : caseIds) {
      for (HistoricProcessInstance root : history.createHistoricProcessInstanceQuery()
          .processDefinitionKey("child-case").processInstanceBusinessKey(caseId.toString()).list()) {
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
    List<Map<String, Object>> child = jdbc.queryForList(
        "select ch.*, cl.name as class_name from cf_child ch join cf_class cl on cl.id = ch.school_class_id where ch.id = ?", childId);
    if (child.isEmpty()) {
      throw new NotFoundException("child " + childId);
    }
    List<Long> caseIds = caseIds(childId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exportedAt", OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC));
    out.put("exportedBy", actor);
    out.put("child", child.get(0));
    out.put("archiveHistory", jdbc.queryForList("select * from cf_archive_change where child_id = ? order by changed_at, id", childId));
    Map<String, Object> ids = Map.of("cases", caseIds.isEmpty() ? List.of(-1L) : caseIds);
    out.put("cases", rows("select * from cf_case where id in (:cases) order by id", ids));
    Map<String, Object> records = new LinkedHashMap<>();
    RECORD_TABLES.keySet().forEach(t -> records.put(t, rows("select * from " + t + " where case_id in (:cases) order by id", ids)));
    records.put("cf_support_plan_review", rows("select * from cf_support_plan_review where " + PLANS_OF_CASES + " order by id", ids));
    records.put("cf_pairing_as_buddy", jdbc.queryForList("select * from cf_pairing where buddy_child_id = ? order by id", childId));
    records.put("cf_study_buddy_as_buddy", jdbc.queryForList("select id, child_id, buddy_child_id, class_id, term_id, active, chosen_at"
        + " from cf_study_buddy where buddy_child_id = ? order by id", childId));
    CHILD_TABLES.keySet().forEach(t -> records.put(t, jdbc.queryForList("select * from " + t + " where child_id = ?", childId)));
    out.put("records", records);

    List<String> pis = processInstanceIds(caseIds);
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
    List<String> taskIds = taskIds(pis);
    out.put("taskComments", taskIds.isEmpty() ? List.of()
        : rows("select * from cf_task_comment where task_id in (:tasks) order by written_at, id", Map.of("tasks", taskIds)));
    out.put("audit", jdbc.queryForList("select id, at, actor, action, case_id, detail from cf_audit where child_id = ? order by at, id", childId));
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
    Map<String, Object> before = jdbc.queryForList("select name, student_no from cf_child where id = ? and anonymised_at is null", childId)
        .stream().findFirst().orElse(null);
    StringBuilder set = new StringBuilder("update cf_child set name = ?, anonymised_at = ?, version = version + 1");
    PERSONAL_COLUMNS.forEach(c -> set.append(", ").append(c).append(" = null"));
    set.append(" where id = ? and anonymised_at is null");
    if (jdbc.update(set.toString(), ANONYMOUS, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), childId) == 0) {
      return false;
    }
    jdbc.update("update cf_archive_change set old_value = null, new_value = null where child_id = ?", childId);
    CHILD_TABLES.forEach((table, columns) -> {
      if (!columns.isEmpty()) {
        jdbc.update("update " + table + " set " + assignments(columns) + " where child_id = ?", childId);
      }
    });
    List<Long> caseIds = caseIds(childId);
    if (!caseIds.isEmpty()) {
      Map<String, Object> ids = Map.of("cases", caseIds);
      named.update("update cf_case set close_note = null where id in (:cases)", ids);
      RECORD_TABLES.forEach((table, columns) -> {
        if (!columns.isEmpty()) {
          named.update("update " + table + " set " + assignments(columns) + " where case_id in (:cases)", ids);
        }
      });
      named.update("update cf_support_plan_review set progress = '-', next_steps = null where " + PLANS_OF_CASES, ids);
      List<String> pis = processInstanceIds(caseIds);
      List<String> taskIds = taskIds(pis);
      for (int i = 0; i < taskIds.size(); i += 500) {
        named.update("update cf_task_comment set text = '-' where task_id in (:tasks)",
            Map.of("tasks", taskIds.subList(i, Math.min(taskIds.size(), i + 500))));
      }
      List<String> finished = pis.stream()
          .filter(pi -> history.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count() == 1).toList();
      if (!finished.isEmpty()) {
        history.deleteHistoricProcessInstancesIfExists(finished);
      }
    }
    events.publishEvent(new org.careflow.shared.ChildAnonymised(childId, before == null ? null : (String) before.get("name"),
        before == null ? null : (String) before.get("student_no")));
    audit.change("system", Audit.ANONYMISE, childId, null, "retention period over");
    return true;
  }
}
