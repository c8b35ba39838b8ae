package org.careflow.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.careflow.child.CareCases;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.Deadlines;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.careflow.shared.TaskContext;
import org.careflow.shared.CaseRisk;
import org.careflow.shared.TaskFormHandler;
import org.careflow.shared.TaskFormHandler.Option;
import org.careflow.shared.TaskSubjects;
import org.careflow.shared.TaskSubjects.Subject;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's one door to the engine's tasks: lists a user's tasks with what they are about, opens a
 * task with its form, and completes it together with the record it writes, in one transaction.
 */
@Service
public class TaskWork {

  private final TaskService tasks;
  private final FormService forms;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final Map<String, TaskFormHandler> handlers = new HashMap<>();
  private final Map<String, TaskSubjects> subjects;
  private final CareClock clock;
  private final CareCases cases;
  private final InboxCounts counts;
  private final TaskCommentRepository comments;
  private final SchoolDirectory schools;
  private final org.careflow.identity.Audit audit;
  private final org.camunda.bpm.engine.HistoryService history;
  private List<CaseRisk> risks = List.of();

  /** The risk rules' view of the cases, when that module is there. */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setRisks(List<CaseRisk> risks) {
    this.risks = risks;
  }
  private final org.careflow.identity.Accounts accounts;

  public TaskWork(org.careflow.identity.Accounts accounts, TaskService tasks, FormService forms, RuntimeService runtime, RepositoryService repository,
      List<TaskFormHandler> handlers, List<TaskSubjects> subjects, CareClock clock, CareCases cases,
      InboxCounts counts, TaskCommentRepository comments, SchoolDirectory schools, org.careflow.identity.Audit audit,
      org.camunda.bpm.engine.HistoryService history) {
    this.accounts = accounts;
    this.audit = audit;
    this.history = history;
    this.cases = cases;
    this.counts = counts;
    this.comments = comments;
    this.schools = schools;
    this.tasks = tasks;
    this.forms = forms;
    this.runtime = runtime;
    this.repository = repository;
    this.clock = clock;
    for (TaskFormHandler h : handlers) {
      for (String key : h.taskKeys()) {
        if (this.handlers.put(key, h) != null) {
          throw new IllegalStateException("two handlers for task " + key);
        }
      }
    }
    this.subjects = new java.util.HashMap<>();
    subjects.forEach(s -> s.processKeys().forEach(k -> this.subjects.put(k, s)));
  }

  /** Who is asking: their user id, their groups, and whether they are an administrator. */
  public record Worker(String user, Collection<String> groups, boolean admin) {}

  /** {@code risk} is the child's risk level when it is MEDIUM or HIGH (a badge), else null. */
  public record Row(String taskId, String name, String taskKey, Date due, Deadlines.State state,
      String assignee, String subject, String className, Long childId, String risk) {}

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

  public record InboxPage(List<Row> rows, long total, int page, int size) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /** My tasks and my groups' unclaimed tasks, soonest due first. */
  @Transactional(readOnly = true)
  public InboxPage inbox(Worker w, int page, int size) {
    return inbox(w, InboxFilter.NONE, page, size);
  }

  /** The inbox narrowed by a filter: a kind of task, a class, a part of a child's name. */
  @Transactional(readOnly = true)
  public InboxPage inbox(Worker given, InboxFilter filter, int page, int size) {
    Worker w = scoped(given);
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

  public record Facet(String value, String label, long count) {}

  /** The filter choices with how many tasks each holds: two grouped queries, whatever the number of tasks. */
  @Transactional(readOnly = true)
  public Map<String, List<Facet>> facets(Worker given) {
    Worker w = scoped(given);
    List<Facet> kinds = counts.byKind(w.user(), w.groups(), w.admin()).stream()
        .map(k -> new Facet(k.taskKey(), k.name(), k.count())).toList();
    Map<String, Long> perCase = new HashMap<>();
    counts.byBusinessKey(w.user(), w.groups(), w.admin(), InboxCounts.CASE_PROCESS_KEYS).forEach(c -> perCase.put(c.businessKey(), c.count()));
    Map<Long, Facet> classes = new java.util.TreeMap<>();
    cases.withChildren(perCase.keySet().stream().flatMap(k -> org.careflow.shared.BusinessKey.parse(k).stream()).toList())
        .forEach((id, c) -> {
          var sc = c.getChild().getSchoolClass();
          Facet f = classes.get(sc.getId());
          long n = perCase.getOrDefault(id.toString(), 0L) + (f == null ? 0 : f.count());
          classes.put(sc.getId(), new Facet(sc.getId().toString(), sc.getName(), n));
        });
    return Map.of("kinds", kinds, "classes", List.copyOf(classes.values()));
  }

  /**
   * The worker with all their groups from the identity store: the scope groups too, such as
   * {@code school-3-supervisor}, to which a task offered to the supervisors of school 3 is offered.
   */
  private Worker scoped(Worker w) {
    if (w.admin()) {
      return w;
    }
    java.util.Set<String> groups = new java.util.LinkedHashSet<>(w.groups());
    groups.addAll(accounts.groupsOf(w.user()));
    return new Worker(w.user(), List.copyOf(groups), false);
  }

  TaskQuery visibleTo(Worker given) {
    TaskQuery q = tasks.createTaskQuery().active();
    if (given.admin()) {
      return q;
    }
    Worker w = scoped(given);
    if (w.groups().isEmpty()) {
      return q.taskAssignee(w.user());
    }
    return q.or().taskAssignee(w.user()).taskCandidateGroupIn(List.copyOf(w.groups())).endOr();
  }

  public record Comment(String author, String authorName, java.time.Instant at, String text, String handedTo, String handedToName) {}

  @Transactional(readOnly = true)
  public List<Comment> comments(String taskId, Worker w) {
    task(taskId, w);
    List<TaskComment> list = comments.findByTaskIdOrderByWrittenAtAscIdAsc(taskId);
    Set<String> people = new java.util.HashSet<>();
    list.forEach(c -> {
      people.add(c.getAuthor());
      if (c.getHandedTo() != null) {
        people.add(c.getHandedTo());
      }
    });
    Map<String, String> names = schools.teacherNames(people);
    return list.stream().map(c -> new Comment(c.getAuthor(), names.getOrDefault(c.getAuthor(), c.getAuthor()), c.getWrittenAt(),
        c.getText(), c.getHandedTo(), c.getHandedTo() == null ? null : names.getOrDefault(c.getHandedTo(), c.getHandedTo()))).toList();
  }

  @Transactional
  public void comment(String taskId, Worker w, String text) {
    task(taskId, w);
    comments.save(new TaskComment(taskId, w.user(), clock.now(), checkedNote(text, true), null));
  }

  /** The colleagues a task can be handed to: the teachers of the user's school. */
  @Transactional(readOnly = true)
  public List<org.careflow.school.Teacher> colleagues(Worker w) {
    return schools.teacher(w.user())
        .map(me -> schools.teachersOf(me.getSchool().getId()).stream()
            .filter(t -> t.isActive() && !t.getUsername().equals(w.user())).toList())
        .orElse(List.of());
  }

  /**
   * A task that moved to someone else by a change of the school's staff (a new class teacher, a
   * colleague who left): the note that says so stays on the task, as a hand-over's does.
   */
  @Transactional
  public void noteMoved(String taskId, String author, String to, String text) {
    comments.save(new TaskComment(taskId, author, clock.now(), text.length() > 500 ? text.substring(0, 500) : text, to));
  }

  /** Hands my task to a colleague of my school, with a note that stays on the task. */
  @Transactional
  public void handOver(String taskId, Worker w, String colleague, String note) {
    Task t = task(taskId, w);
    if (!w.user().equals(t.getAssignee()) && !w.admin()) {
      throw InvalidInputException.of("colleague", "task.notYours");
    }
    if (colleague == null || colleagues(w).stream().noneMatch(c -> c.getUsername().equals(colleague))) {
      throw InvalidInputException.of("colleague", "validation.option");
    }
    String text = checkedNote(note, false);
    tasks.setAssignee(taskId, colleague);
    comments.save(new TaskComment(taskId, w.user(), clock.now(), text == null ? "" : text, colleague));
  }

  private static String checkedNote(String text, boolean required) {
    String t = text == null ? null : text.strip();
    if (t == null || t.isEmpty()) {
      if (required) {
        throw InvalidInputException.of("text", "validation.required");
      }
      return null;
    }
    if (t.length() > 500) {
      throw InvalidInputException.of("text", "validation.tooLong", 500);
    }
    return t;
  }

  private List<Row> rows(List<Task> list) {
    Set<String> instanceIds = list.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> businessKeys = new HashMap<>();
    Map<String, String> processKeys = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
        businessKeys.put(pi.getId(), pi.getBusinessKey());
        processKeys.put(pi.getId(), processKey(pi.getProcessDefinitionId()));
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

  private final Map<String, String> processKeyCache = new java.util.concurrent.ConcurrentHashMap<>();

  private String processKey(String processDefinitionId) {
    return processKeyCache.computeIfAbsent(processDefinitionId, id -> repository.getProcessDefinition(id).getKey());
  }

  /**
   * A task the worker may work on, or 404 (we do not tell whether it exists); a task someone has
   * completed meanwhile is a conflict that says who and when.
   */
  private Task task(String taskId, Worker w) {
    Task t = visibleTo(w).taskId(taskId).singleResult();
    if (t == null) {
      conflictIfCompleted(taskId);
      throw new NotFoundException("task");
    }
    return t;
  }

  /** A task someone else completed is a conflict that says who and when. */
  private void conflictIfCompleted(String taskId) {
    org.camunda.bpm.engine.history.HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
    if (done != null && "completed".equals(done.getDeleteReason())) {
      String by = done.getAssignee() == null ? "" : schools.teacherName(done.getAssignee());
      throw new org.careflow.shared.ConflictException("task.alreadyDone", by,
          java.time.LocalDateTime.ofInstant(done.getEndTime().toInstant(), clock.zone()).withNano(0).toString().replace('T', ' '));
    }
  }

  /** A task's row (what it is about, its due date) without opening it: no form, no audit. */
  @Transactional(readOnly = true)
  public Row row(String taskId, Worker w) {
    return rows(List.of(task(taskId, w))).get(0);
  }

  /** Rows of these tasks, in the given order. */
  @Transactional(readOnly = true)
  List<Row> rowsOf(List<Task> list) {
    return rows(list);
  }

  public record TaskView(Row row, TaskContext context, FormSchema form, Map<String, Object> values,
      Map<String, List<Option>> options) {}

  @Transactional(readOnly = true)
  public TaskView open(String taskId, Worker w) {
    Task t = task(taskId, w);
    TaskContext ctx = context(t, w);
    FormSchema form = form(taskId);
    TaskFormHandler h = handler(ctx);
    Map<String, List<Option>> options = dynamicOptions(form, h, ctx);
    TaskView view = new TaskView(rows(List.of(t)).get(0), ctx, form, h.prefill(ctx), options);
    if (view.row().childId() != null) {
      audit.read(w.user(), view.row().childId(), ctx.caseId(), "task " + ctx.taskKey());
    }
    return view;
  }

  /**
   * Checks the values against the form and the domain rules, writes the record and completes the
   * task, all in one transaction: when anything is invalid nothing is written. Returns the id of the
   * next task of the same case for this worker, if any.
   */
  @Transactional
  public String complete(String taskId, Worker w, Map<String, List<String>> params) {
    Task t = task(taskId, w);
    if (t.getAssignee() != null && !t.getAssignee().equals(w.user()) && !w.admin()) {
      throw new NotFoundException("task");
    }
    TaskContext ctx = context(t, w);
    FormSchema form = form(taskId);
    TaskFormHandler h = handler(ctx);
    Map<String, List<Option>> options = dynamicOptions(form, h, ctx);
    FieldErrors errors = new FieldErrors();
    FormValues values = form.read(params, k -> options.getOrDefault(k, List.of()), errors);
    errors.throwIfAny();
    Map<String, Object> variables = h.submit(ctx, values, errors);
    errors.throwIfAny(); // a handler rejects before it writes; the rollback is a second guard
    if (t.getAssignee() == null) {
      tasks.claim(taskId, w.user());
    }
    if (InboxCounts.CASE_PROCESS_KEYS.contains(ctx.processKey())) {
      audit.change(w.user(), org.careflow.identity.Audit.RECORD, cases.careCase(ctx.caseId()).getChild().getId(), ctx.caseId(), ctx.taskKey());
    }
    try {
      EngineDoors.careflowCompletes(() -> {
        tasks.complete(taskId, variables);
        return null;
      });
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      // Two people completing at once: the loser's command can fail before the engine's own
      // optimistic lock is reached (a listener's write waits on the winner's row). Once the winner has
      // committed, that is the same conflict as completing a task already done. The winner may still
      // be committing, so look again for a moment before calling it a failure.
      for (int i = 0; i < 20; i++) {
        conflictIfCompleted(taskId);
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      throw e;
    }
    return nextTask(t.getProcessInstanceId(), w);
  }

  private String nextTask(String processInstanceId, Worker w) {
    List<Task> next = visibleTo(w).processInstanceId(processInstanceId).orderByDueDate().asc().listPage(0, 1);
    return next.isEmpty() ? null : next.get(0).getId();
  }

  @Transactional
  public void claim(String taskId, Worker w) {
    Task t = task(taskId, w);
    if (t.getAssignee() != null) {
      throw InvalidInputException.of("task", "task.alreadyClaimed");
    }
    tasks.claim(taskId, w.user());
  }

  @Transactional
  public void unclaim(String taskId, Worker w) {
    Task t = task(taskId, w);
    if (!w.user().equals(t.getAssignee()) && !w.admin()) {
      throw InvalidInputException.of("task", "task.notYours");
    }
    tasks.setAssignee(taskId, null);
  }

  private Map<String, List<Option>> dynamicOptions(FormSchema form, TaskFormHandler h, TaskContext ctx) {
    Map<String, List<Option>> options = new LinkedHashMap<>();
    for (FormSchema.Field f : form.fields()) {
      if (f.valuesKey() != null) {
        options.computeIfAbsent(f.valuesKey(), k -> h.options(ctx, k));
      }
    }
    return options;
  }

  private TaskFormHandler handler(TaskContext ctx) {
    TaskFormHandler h = handlers.get(ctx.taskKey());
    if (h == null) {
      throw new IllegalStateException("no handler for task " + ctx.taskKey());
    }
    return h;
  }

  private FormSchema form(String taskId) {
    try (InputStream in = forms.getDeployedTaskForm(taskId)) {
      return FormSchema.parse(in);
    } catch (IOException e) {
      throw new IllegalStateException("the task's form cannot be read", e);
    }
  }

  private TaskContext context(Task t, Worker w) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
    return new TaskContext(t.getId(), t.getTaskDefinitionKey(), t.getName(), processKey(t.getProcessDefinitionId()),
        pi.getBusinessKey(), w.user(), t.getDueDate());
  }
}
