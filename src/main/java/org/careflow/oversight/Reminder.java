package org.careflow.oversight;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A reminder to the person a task waits for (its due date passed), or an escalation of the task to
 * the supervisors (a week later): who was told, about which task of which case, and when. Kept after
 * the task is done, as the history of the nudges.
 */
@Entity
@Table(name = "cf_reminder",
    uniqueConstraints = @UniqueConstraint(name = "uq_reminder_task_kind", columnNames = {"taskId", "kind"}),
    indexes = {
        @Index(name = "ix_reminder_case", columnList = "caseId"),
        @Index(name = "ix_reminder_kind_at", columnList = "kind,recordedAt")})
public class Reminder {

  public enum Kind { REMINDER, ESCALATION }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private Kind kind;
  @Column(nullable = false, length = 64)
  private String taskId;
  @Column(nullable = false, length = 64)
  private String taskKey;
  @Column(length = 100)
  private String taskName;
  @Column(nullable = false, length = 64)
  private String processInstanceId;
  /** The case, for tasks of `child-case`; null for other processes. */
  private Long caseId;
  /** Who is told: the task's assignee, its candidate group ("group:coordinator"), or "group:supervisor". */
  @Column(nullable = false, length = 80)
  private String recipient;
  /** The assignee at the time, when the task had one (for an escalation: whose task it is). */
  @Column(length = 64)
  private String assignee;
  @Column(nullable = false)
  private Instant dueDate;
  @Column(nullable = false)
  private Instant recordedAt;

  protected Reminder() {}

  Reminder(Kind kind, String taskId, String taskKey, String taskName, String processInstanceId, Long caseId,
      String recipient, String assignee, Instant dueDate, Instant recordedAt) {
    this.kind = kind;
    this.taskId = taskId;
    this.taskKey = taskKey;
    this.taskName = taskName;
    this.processInstanceId = processInstanceId;
    this.caseId = caseId;
    this.recipient = recipient;
    this.assignee = assignee;
    this.dueDate = dueDate;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Kind getKind() { return kind; }
  public String getTaskId() { return taskId; }
  public String getTaskKey() { return taskKey; }
  public String getTaskName() { return taskName; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Long getCaseId() { return caseId; }
  public String getRecipient() { return recipient; }
  public String getAssignee() { return assignee; }
  public Instant getDueDate() { return dueDate; }
  public Instant getRecordedAt() { return recordedAt; }
}
