package org.careflow.oversight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.careflow.identity.Roles;
import org.careflow.shared.CareClock;
import org.careflow.shared.Deadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the reminders and escalations the processes raise (the delegates {@code taskReminder} and
 * {@code taskEscalation} call here). The task concerned is the user task the timer that led here is
 * attached to; of its open instances in the process (a month's talk can still be open when the next
 * month's comes) each one that is overdue (reminder) or a week overdue (escalation) and has not been
 * told yet gets one record. So a late timer, or two at once, never records twice.
 */
@Service
public class Reminders {

  private static final Logger log = LoggerFactory.getLogger(Reminders.class);
  static final String SUPERVISORS = "group:" + Roles.SUPERVISOR;

  private final ReminderRepository reminders;
  private final TaskService tasks;
  private final CareClock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  Reminders(ReminderRepository reminders, TaskService tasks, CareClock clock, org.springframework.context.ApplicationEventPublisher events) {
    this.reminders = reminders;
    this.tasks = tasks;
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public List<Reminder> remind(DelegateExecution execution) {
    return record(execution, Reminder.Kind.REMINDER);
  }

  @Transactional
  public List<Reminder> escalate(DelegateExecution execution) {
    return record(execution, Reminder.Kind.ESCALATION);
  }

  private List<Reminder> record(DelegateExecution execution, Reminder.Kind kind) {
    String taskKey = attachedTaskOf(execution.getBpmnModelElementInstance());
    Instant now = clock.now();
    Long caseId = org.careflow.shared.CaseProcesses.caseIdOf(execution.getProcessDefinitionId(), execution.getProcessBusinessKey())
        .orElse(null); // a meeting's key is no case
    List<Reminder> out = new ArrayList<>();
    for (Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskKey).list()) {
      boolean due = kind == Reminder.Kind.REMINDER
          ? Deadlines.of(t.getDueDate(), now) == Deadlines.State.OVERDUE
          : t.getDueDate() != null && !Deadlines.escalationAt(t.getDueDate()).toInstant().isAfter(now);
      if (!due || reminders.existsByTaskIdAndKind(t.getId(), kind)) {
        continue;
      }
      String recipient = kind == Reminder.Kind.ESCALATION ? SUPERVISORS : recipientOf(t);
      Reminder saved = reminders.save(new Reminder(kind, t.getId(), taskKey, t.getName(), t.getProcessInstanceId(), caseId, recipient,
          t.getAssignee(), t.getDueDate().toInstant(), now));
      out.add(saved);
      if (kind == Reminder.Kind.ESCALATION) { // told at once (reminders: 企业微信, 钉钉)
        events.publishEvent(new EscalationRaised(saved.getId(), execution.getProcessDefinitionId(), execution.getProcessBusinessKey(), taskKey,
            t.getAssignee()));
      }
      log.debug("{} for task {} ({}) of case {} to {}", kind, t.getId(), taskKey, caseId, recipient);
    }
    return out;
  }

  /** The assignee; a task offered to groups goes to those groups. */
  private String recipientOf(Task t) {
    if (t.getAssignee() != null) {
      return t.getAssignee();
    }
    String groups = tasks.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        // a role of one school (school-3-coordinator) reads as the role, as the page names roles
        .map(l -> "group:" + (Roles.roleOfSchoolGroup(l.getGroupId()) != null ? Roles.roleOfSchoolGroup(l.getGroupId()) : l.getGroupId()))
        .collect(Collectors.joining(","));
    return groups.isEmpty() ? "group:" + Roles.COORDINATOR : groups;
  }

  /** The service task was reached from a boundary timer: the user task that timer is attached to. */
  static String attachedTaskOf(FlowElement serviceTask) {
    for (SequenceFlow in : ((FlowNode) serviceTask).getIncoming()) {
      if (in.getSource() instanceof BoundaryEvent b) {
        return b.getAttachedTo().getId();
      }
    }
    throw new IllegalStateException(serviceTask.getId() + " is not reached from a timer on a user task");
  }

  @Transactional(readOnly = true)
  public List<Reminder> ofCase(long caseId) {
    return reminders.findByCaseIdOrderByRecordedAtDesc(caseId);
  }
}
