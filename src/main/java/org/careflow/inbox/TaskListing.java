package org.careflow.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.careflow.child.CareCases;
import org.careflow.inbox.TaskWork.Facet;
import org.careflow.inbox.TaskWork.InboxPage;
import org.careflow.inbox.TaskWork.Row;
import org.careflow.inbox.TaskWork.Worker;
import org.careflow.shared.CareClock;
import org.careflow.shared.CaseRisk;
import org.careflow.shared.Deadlines;
import org.careflow.shared.TaskSubjects;
import org.careflow.shared.TaskSubjects.Subject;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's lists: a worker's tasks a page at a time (from {@link InboxCounts}), the filter choices, and
 * the rows of given tasks, each with what it is about (the owning module's {@link TaskSubjects}, one batch
 * per process) and the child's risk badge.
 */
@Component
class TaskListing {

  private final TaskAccess access;
  private final RuntimeService runtime;
  private final Map<String, TaskSubjects> subjects = new HashMap<>();
  private final CareClock clock;
  private final CareCases cases;
  private final InboxCounts counts;
  private List<CaseRisk> risks = List.of();

  TaskListing(TaskAccess access, RuntimeService runtime, List<TaskSubjects> subjects, CareClock clock, CareCases cases, InboxCounts counts) {
    this.access = access;
    this.runtime = runtime;
    this.clock = clock;
    this.cases = cases;
    this.counts = counts;
    subjects.forEach(s -> s.processKeys().forEach(k -> this.subjects.put(k, s)));
  }

  /** The risk rules' view of the cases, when that module is there. */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setRisks(List<CaseRisk> risks) {
    this.risks = risks;
  }

  /** The processes whose business key is a case id: their tasks carry the child's risk badge. */
  private static final List<String> CASE_PROCESSES = InboxCounts.CASE_PROCESS_KEYS;

  /** Risk levels of the cases behind these (process key, business key) pairs, in one query. */
  private Map<String, String> riskBadges(Collection<String[]> processAndKeys) {
    List<Long> caseIds = processAndKeys.stream().filter(pk -> CASE_PROCESSES.contains(pk[0]))
        .flatMap(pk -> org.careflow.shared.BusinessKey.parse(pk[1]).stream()).distinct().toList();
    Map<String, String> out = new HashMap<>();
    if (caseIds.isEmpty()) {
      return out;
    }
    for (CaseRisk r : risks) {
      r.current(caseIds).forEach((id, risk) -> {
        if (risk.flagged()) {
          out.put(id.toString(), risk.level());
        }
      });
    }
    return out;
  }

  /** The worker's tasks (theirs and their groups' unclaimed), soonest due first, narrowed by a filter: a kind of task, a class, a part of a child's name. */
  @Transactional(readOnly = true)
  public InboxPage inbox(Worker given, InboxFilter filter, int page, int size) {
    Worker w = access.scoped(given);
    List<String> keys = null;
    if (filter.narrowsCases()) {
      keys = cases.openCaseIds(filter.classId(), filter.childName()).stream().map(String::valueOf).toList();
      if (keys.isEmpty()) {
        return new InboxPage(List.of(), 0, page, size);
      }
    }
    List<InboxCounts.TaskRow> list = counts.page(w.user(), w.groups(), w.admin(), filter, keys, page * size, size);
    long total = page == 0 && list.size() < size ? list.size() : counts.count(w.user(), w.groups(), w.admin(), filter, keys);
    return new InboxPage(subjectRows(list), total, page, size);
  }

  /** Rows with what each task is about, resolved per process in one batch. */
  private List<Row> subjectRows(List<InboxCounts.TaskRow> list) {
    Map<String, List<String>> keysByProcess = new HashMap<>();
    list.forEach(t -> keysByProcess.computeIfAbsent(t.processKey(), k -> new ArrayList<>()).add(t.businessKey()));
    Map<String, Map<String, Subject>> resolved = new HashMap<>();
    keysByProcess.forEach((pk, bks) -> {
      TaskSubjects s = pk == null ? null : subjects.get(pk);
      resolved.put(pk, s == null ? Map.of() : s.resolve(bks));
    });
    java.time.Instant now = clock.now();
    Map<String, String> badges = riskBadges(list.stream().map(t -> new String[] {t.processKey(), t.businessKey()}).toList());
    return list.stream().map(t -> {
      Subject subject = resolved.getOrDefault(t.processKey(), Map.of()).get(t.businessKey());
      return new Row(t.id(), t.name(), t.taskKey(), t.due(), Deadlines.of(t.due(), now), t.assignee(),
          subject == null ? null : subject.title(), subject == null ? null : subject.className(),
          subject == null ? null : subject.childId(),
          CASE_PROCESSES.contains(t.processKey()) ? badges.get(t.businessKey()) : null);
    }).toList();
  }

  /** The filter choices with how many tasks each holds: two grouped queries, whatever the number of tasks. */
  @Transactional(readOnly = true)
  public Map<String, List<Facet>> facets(Worker given) {
    Worker w = access.scoped(given);
    List<Facet> kinds = counts.byKind(w.user(), w.groups(), w.admin()).stream()
        .map(k -> new Facet(k.taskKey(), k.name(), k.count())).toList();
    Map<String, Long> perCase = new HashMap<>();
    counts.byBusinessKey(w.user(), w.groups(), w.admin(), InboxCounts.CASE_PROCESS_KEYS).forEach(c -> perCase.put(c.businessKey(), c.count()));
    Map<Long, Facet> classes = new java.util.TreeMap<>();
    cases.childAndClass(perCase.keySet().stream().flatMap(k -> org.careflow.shared.BusinessKey.parse(k).stream()).toList())
        .forEach((id, c) -> {
          Facet f = classes.get(c.classId());
          long n = perCase.getOrDefault(id.toString(), 0L) + (f == null ? 0 : f.count());
          classes.put(c.classId(), new Facet(c.classId().toString(), c.className(), n));
        });
    return Map.of("kinds", kinds, "classes", List.copyOf(classes.values()));
  }

  /** Rows of these tasks, in the given order. */
  @Transactional(readOnly = true)
  public List<Row> rows(List<Task> list) {
    Set<String> instanceIds = list.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> businessKeys = new HashMap<>();
    Map<String, String> processKeys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
        businessKeys.put(pi.getId(), pi.getBusinessKey());
        processKeys.put(pi.getId(), access.processKey(pi.getProcessDefinitionId()));
      }
    }
    Map<String, List<String>> keysByProcess = new HashMap<>();
    businessKeys.forEach((pi, bk) -> keysByProcess.computeIfAbsent(processKeys.get(pi), k -> new ArrayList<>()).add(bk));
    Map<String, Map<String, Subject>> resolved = new HashMap<>();
    keysByProcess.forEach((pk, bks) -> {
      TaskSubjects s = subjects.get(pk);
      resolved.put(pk, s == null ? Map.of() : s.resolve(bks));
    });
    java.time.Instant now = clock.now();
    Map<String, String> badges = riskBadges(businessKeys.entrySet().stream()
        .map(e -> new String[] {processKeys.get(e.getKey()), e.getValue()}).toList());
    List<Row> rows = new ArrayList<>();
    for (Task t : list) {
      String pi = t.getProcessInstanceId();
      Subject subject = resolved.getOrDefault(processKeys.get(pi), Map.of()).get(businessKeys.get(pi));
      rows.add(new Row(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getDueDate(), Deadlines.of(t.getDueDate(), now),
          t.getAssignee(), subject == null ? null : subject.title(), subject == null ? null : subject.className(),
          subject == null ? null : subject.childId(),
          CASE_PROCESSES.contains(processKeys.get(pi)) ? badges.get(businessKeys.get(pi)) : null));
    }
    return rows;
  }

  /** A task's row (what it is about, its due date) without opening it: no form, no audit. */
  @Transactional(readOnly = true)
  public Row row(String taskId, Worker w) {
    return rows(List.of(access.task(taskId, w))).get(0);
  }
}
