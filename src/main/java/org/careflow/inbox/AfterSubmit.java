package org.careflow.inbox;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the inbox says after a task was submitted: what was saved (the child and the task with its period),
 * and where to go next, the child's next task and the next task of the list as the teacher had filtered it.
 */
@Component
class AfterSubmit {

  private final TaskWork work;
  private final TaskService tasks;
  private final RuntimeService runtime;

  AfterSubmit(TaskWork work, TaskService tasks, RuntimeService runtime) {
    this.work = work;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** The task about to be submitted: its row and its case's business key. */
  record Before(TaskWork.Row row, String businessKey) {}

  @Transactional(readOnly = true)
  Before before(String taskId, TaskWork.Worker w) {
    TaskWork.Row row = work.row(taskId, w);
    Task t = tasks.createTaskQuery().taskId(taskId).singleResult();
    ProcessInstance pi = t == null ? null
        : runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
    return new Before(row, pi == null ? null : pi.getBusinessKey());
  }

  record Offers(TaskWork.Row nextOfChild, TaskWork.Row nextInList) {}

  /** After the submission: the child's next task (of any of its processes) and the filtered list's first task. */
  @Transactional(readOnly = true)
  Offers offers(Before before, TaskWork.Worker w, InboxFilter filter) {
    TaskWork.Row child = null;
    if (before.businessKey() != null && before.row().childId() != null) {
      List<Task> next = work.visibleTo(w).processInstanceBusinessKey(before.businessKey()).orderByDueDate().asc().listPage(0, 5);
      List<TaskWork.Row> rows = work.rowsOf(next).stream().filter(r -> before.row().childId().equals(r.childId())).toList();
      child = rows.isEmpty() ? null : rows.get(0);
    }
    List<TaskWork.Row> list = work.inbox(w, filter, 0, 2).rows();
    TaskWork.Row inList = list.stream().filter(r -> !r.taskId().equals(before.row().taskId())).findFirst().orElse(null);
    return new Offers(child, inList);
  }
}
