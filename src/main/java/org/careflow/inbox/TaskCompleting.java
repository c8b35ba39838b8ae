package org.careflow.inbox;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.child.CareCases;
import org.careflow.identity.Audit;
import org.careflow.inbox.TaskWork.Worker;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.careflow.shared.TaskFormHandler.Option;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a task with the record it writes, in one transaction (nothing is written when anything is
 * invalid), and claims or gives back a task offered to a group.
 */
@Component
class TaskCompleting {

  private final TaskAccess access;
  private final TaskOpening opening;
  private final TaskService tasks;
  private final CareCases cases;
  private final Audit audit;

  TaskCompleting(TaskAccess access, TaskOpening opening, TaskService tasks, CareCases cases, Audit audit) {
    this.access = access;
    this.opening = opening;
    this.tasks = tasks;
    this.cases = cases;
    this.audit = audit;
  }

  /**
   * Checks the values against the form and the domain rules, writes the record and completes the
   * task, all in one transaction: when anything is invalid nothing is written. (What opens next is the
   * page's choice, {@link AfterSubmit}: nothing here looks for it.)
   */
  @Transactional
  public void complete(String taskId, Worker w, Map<String, List<String>> params) {
    Task t = access.task(taskId, w);
    if (t.getAssignee() != null && !t.getAssignee().equals(w.user()) && !w.admin()) {
      throw new NotFoundException("task");
    }
    TaskContext ctx;
    Map<String, Object> variables;
    try {
      ctx = access.context(t, w);
      FormSchema form = opening.form(taskId);
      TaskFormHandler h = opening.handler(ctx);
      Map<String, List<Option>> options = opening.dynamicOptions(form, h, ctx);
      FieldErrors errors = new FieldErrors();
      FormValues values = form.read(params, k -> options.getOrDefault(k, List.of()), errors);
      errors.throwIfAny();
      variables = h.submit(ctx, values, errors);
      errors.throwIfAny(); // a handler rejects before it writes; the rollback is a second guard
    } catch (RuntimeException e) {
      // Someone else completed the task after the look-up above: the engine then finds no task for its
      // form (a NullPointerException inside the engine) or no instance for the context. Say so, as for a
      // task already done, instead of failing with a server error.
      access.conflictIfCompleted(taskId);
      throw e;
    }
    if (t.getAssignee() == null) {
      tasks.claim(taskId, w.user());
    }
    if (InboxCounts.CASE_PROCESS_KEYS.contains(ctx.processKey())) {
      audit.change(w.user(), Audit.RECORD, cases.careCase(ctx.caseId()).getChild().getId(), ctx.caseId(), ctx.taskKey());
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
        access.conflictIfCompleted(taskId);
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      throw e;
    }
  }

  @Transactional
  public void claim(String taskId, Worker w) {
    Task t = access.task(taskId, w);
    if (t.getAssignee() != null) {
      throw InvalidInputException.of("task", "task.alreadyClaimed");
    }
    tasks.claim(taskId, w.user());
  }

  @Transactional
  public void unclaim(String taskId, Worker w) {
    Task t = access.task(taskId, w);
    if (!w.user().equals(t.getAssignee()) && !w.admin()) {
      throw InvalidInputException.of("task", "task.notYours");
    }
    tasks.setAssignee(taskId, null);
  }
}
