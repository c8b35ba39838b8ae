package org.careflow.inbox;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.careflow.child.CareCases;
import org.careflow.identity.Audit;
import org.careflow.shared.OpenTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's side of {@link OpenTasks}: a task that a record written elsewhere answers is completed here,
 * through the same door as {@link TaskWork#complete} ({@link EngineDoors#careflowCompletes}), and audited
 * like it. Runs in the caller's transaction: the record and the completions commit together.
 */
@Service
class AnsweredTasks implements OpenTasks {

  private final TaskService tasks;
  private final CareCases cases;
  private final Audit audit;

  AnsweredTasks(TaskService tasks, CareCases cases, Audit audit) {
    this.tasks = tasks;
    this.cases = cases;
    this.audit = audit;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Open> of(long caseId, String taskKey) {
    return tasks.createTaskQuery().active().processInstanceBusinessKey(Long.toString(caseId)).taskDefinitionKey(taskKey)
        .orderByDueDate().asc().list().stream()
        .filter(t -> InboxCounts.CASE_PROCESS_KEYS.stream().anyMatch(k -> t.getProcessDefinitionId().startsWith(k + ":")))
        .map(t -> new Open(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getDueDate(), t.getAssignee())).toList();
  }

  @Override
  @Transactional
  public void completeAnswered(long caseId, Open task, String user, Map<String, Object> localVariables, Map<String, Object> variables) {
    audit.change(user, Audit.RECORD, cases.careCase(caseId).getChild().getId(), caseId, task.taskKey());
    EngineDoors.careflowCompletes(() -> {
      if (!localVariables.isEmpty()) {
        tasks.setVariablesLocal(task.taskId(), localVariables);
      }
      tasks.complete(task.taskId(), variables);
      return null;
    });
    OpenTasks.note(task.name());
  }
}
