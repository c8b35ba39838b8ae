package org.careflow.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A note on a task: a comment, or the note that goes with handing the task to a colleague. Kept in
 * careflow's own table so it stays readable after the task is done.
 */
@Entity
@Table(name = "cf_task_comment", indexes = @Index(name = "ix_task_comment_task", columnList = "taskId,writtenAt"))
public class TaskComment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false, length = 64)
  private String taskId;
  @Column(nullable = false, length = 64)
  private String author;
  @Column(nullable = false)
  private Instant writtenAt;
  @Column(nullable = false, length = 500)
  private String text;
  /** Set when the comment handed the task over: to whom. */
  @Column(length = 64)
  private String handedTo;

  protected TaskComment() {}

  TaskComment(String taskId, String author, Instant writtenAt, String text, String handedTo) {
    this.taskId = taskId;
    this.author = author;
    this.writtenAt = writtenAt;
    this.text = text;
    this.handedTo = handedTo;
  }

  public Long getId() { return id; }
  public String getTaskId() { return taskId; }
  public String getAuthor() { return author; }
  public Instant getWrittenAt() { return writtenAt; }
  public String getText() { return text; }
  public String getHandedTo() { return handedTo; }
}
