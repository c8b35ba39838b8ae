package org.careflow.inbox;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.careflow.identity.Accounts;
import org.careflow.inbox.TaskWork.Worker;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.NotFoundException;
import org.careflow.shared.TaskContext;
import org.springframework.stereotype.Component;

/**
 * Which tasks a worker may touch: the worker's groups from the identity store, the engine's query of their
 * tasks, one task or 404 (or the conflict that someone completed it), and a task's context for the module
 * that owns it. Listing, opening and completing all start here.
 */
@Component
class TaskAccess {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final Accounts accounts;
  private final SchoolDirectory schools;
  private final CareClock clock;

  TaskAccess(TaskService tasks, RuntimeService runtime, RepositoryService repository, HistoryService history, Accounts accounts,
      SchoolDirectory schools, CareClock clock) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.history = history;
    this.accounts = accounts;
    this.schools = schools;
    this.clock = clock;
  }

  /**
   * The worker with all their groups from the identity store: the scope groups too, such as
   * {@code school-3-supervisor}, to which a task offered to the supervisors of school 3 is offered.
   */
  Worker scoped(Worker w) {
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

  private final Map<String, String> processKeyCache = new java.util.concurrent.ConcurrentHashMap<>();

  String processKey(String processDefinitionId) {
    return processKeyCache.computeIfAbsent(processDefinitionId, id -> repository.getProcessDefinition(id).getKey());
  }

  /**
   * A task the worker may work on, or 404 (we do not tell whether it exists); a task someone has
   * completed meanwhile is a conflict that says who and when.
   */
  Task task(String taskId, Worker w) {
    Task t = visibleTo(w).taskId(taskId).singleResult();
    if (t == null) {
      conflictIfCompleted(taskId);
      throw new NotFoundException("task");
    }
    return t;
  }

  /** A task someone else completed is a conflict that says who and when. */
  void conflictIfCompleted(String taskId) {
    org.camunda.bpm.engine.history.HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
    if (done != null && "completed".equals(done.getDeleteReason())) {
      String by = done.getAssignee() == null ? "" : schools.teacherName(done.getAssignee());
      throw new org.careflow.shared.ConflictException("task.alreadyDone", by,
          java.time.LocalDateTime.ofInstant(done.getEndTime().toInstant(), clock.zone()).withNano(0).toString().replace('T', ' '));
    }
  }

  TaskContext context(Task t, Worker w) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
    return new TaskContext(t.getId(), t.getTaskDefinitionKey(), t.getName(), processKey(t.getProcessDefinitionId()),
        pi.getBusinessKey(), w.user(), t.getDueDate());
  }
}
