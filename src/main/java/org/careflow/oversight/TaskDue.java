package org.careflow.oversight;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.careflow.shared.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The dates of the reminder and escalation timers on a user task (BPMN:
 * {@code ${taskDue.reminderAt(execution)}}). A boundary timer is created with the task's scope, just
 * before the task itself, so it cannot read the task: it evaluates the task's own {@code camunda:dueDate}
 * expression, in the same execution at the same instant, and so gets the task's due date without a
 * second copy of it in the model.
 */
@Component("taskDue")
public class TaskDue {

  public Date reminderAt(DelegateExecution execution) {
    return Deadlines.reminderAt(dueDate(execution));
  }

  public Date escalationAt(DelegateExecution execution) {
    return Deadlines.escalationAt(dueDate(execution));
  }

  /**
   * The due date of the user task whose scope this execution is, computed once per transaction: its
   * reminder and its escalation timer ask for it one after the other (a task with boundary timers gets a
   * scope execution of its own each time it is entered, so the key cannot meet another entry of the task).
   */
  Date dueDate(DelegateExecution execution) {
    java.util.Map<String, Date> memo = org.careflow.shared.TransactionMemo.of(MEMO);
    if (memo == null) {
      return computeDueDate(execution);
    }
    String key = execution.getId() + "/" + execution.getCurrentActivityId();
    Date known = memo.get(key);
    if (known == null) {
      known = computeDueDate(execution);
      memo.put(key, known);
    }
    return known;
  }

  private static final Object MEMO = new Object();

  private Date computeDueDate(DelegateExecution execution) {
    ActivityBehavior behavior = ((ExecutionEntity) execution).getActivity().getActivityBehavior();
    if (!(behavior instanceof UserTaskActivityBehavior userTask)) {
      throw new ProcessEngineException("taskDue is for timers attached to user tasks, not to " + execution.getCurrentActivityId());
    }
    Expression due = userTask.getTaskDefinition().getDueDateExpression();
    if (due == null) {
      throw new ProcessEngineException("user task " + execution.getCurrentActivityId() + " has no due date");
    }
    Object value = due.getValue(execution);
    if (value instanceof Date d) {
      return d;
    }
    throw new ProcessEngineException("due date of " + execution.getCurrentActivityId() + " is not a date: " + value);
  }
}
