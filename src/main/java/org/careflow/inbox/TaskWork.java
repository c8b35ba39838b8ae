package org.careflow.inbox;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.careflow.shared.Deadlines;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler.Option;
import org.springframework.stereotype.Service;

/**
 * The inbox's one door to the engine's tasks, for its pages and the other modules: lists a user's tasks
 * with what they are about ({@link TaskListing}), opens a task with its form ({@link TaskOpening}), and
 * completes it together with the record it writes, in one transaction ({@link TaskCompleting}); a task's
 * notes and hand-overs are {@link TaskNotes}. Which tasks a worker may touch is {@link TaskAccess}.
 */
@Service
public class TaskWork {

  /** Who is asking: their user id, their groups, and whether they are an administrator. */
  public record Worker(String user, Collection<String> groups, boolean admin) {}

  /** {@code risk} is the child's risk level when it is MEDIUM or HIGH (a badge), else null. */
  public record Row(String taskId, String name, String taskKey, Date due, Deadlines.State state,
      String assignee, String subject, String className, Long childId, String risk) {}

  public record InboxPage(List<Row> rows, long total, int page, int size) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  public record Facet(String value, String label, long count) {}

  public record Comment(String author, String authorName, java.time.Instant at, String text, String handedTo, String handedToName) {}

  public record TaskView(Row row, TaskContext context, FormSchema form, Map<String, Object> values,
      Map<String, List<Option>> options) {}

  private final TaskAccess access;
  private final TaskListing listing;
  private final TaskOpening opening;
  private final TaskCompleting completing;
  private final TaskNotes notes;

  TaskWork(TaskAccess access, TaskListing listing, TaskOpening opening, TaskCompleting completing, TaskNotes notes) {
    this.access = access;
    this.listing = listing;
    this.opening = opening;
    this.completing = completing;
    this.notes = notes;
  }

  /** My tasks and my groups' unclaimed tasks, soonest due first. */
  public InboxPage inbox(Worker w, int page, int size) {
    return inbox(w, InboxFilter.NONE, page, size);
  }

  /** The inbox narrowed by a filter: a kind of task, a class, a part of a child's name. */
  public InboxPage inbox(Worker w, InboxFilter filter, int page, int size) {
    return listing.inbox(w, filter, page, size);
  }

  /** The filter choices with how many tasks each holds. */
  public Map<String, List<Facet>> facets(Worker w) {
    return listing.facets(w);
  }

  TaskQuery visibleTo(Worker w) {
    return access.visibleTo(w);
  }

  public List<Comment> comments(String taskId, Worker w) {
    return notes.comments(taskId, w);
  }

  public void comment(String taskId, Worker w, String text) {
    notes.comment(taskId, w, text);
  }

  /** The colleagues a task can be handed to: the teachers of the user's school. */
  public List<org.careflow.school.Teacher> colleagues(Worker w) {
    return notes.colleagues(w);
  }

  /**
   * A task that moved to someone else by a change of the school's staff (a new class teacher, a
   * colleague who left): the note that says so stays on the task, as a hand-over's does.
   */
  public void noteMoved(String taskId, String author, String to, String text) {
    notes.noteMoved(taskId, author, to, text);
  }

  /** Hands my task to a colleague of my school, with a note that stays on the task. */
  public void handOver(String taskId, Worker w, String colleague, String note) {
    notes.handOver(taskId, w, colleague, note);
  }

  /** A task's row (what it is about, its due date) without opening it: no form, no audit. */
  public Row row(String taskId, Worker w) {
    return listing.row(taskId, w);
  }

  /** Rows of these tasks, in the given order. */
  List<Row> rowsOf(List<Task> list) {
    return listing.rows(list);
  }

  public TaskView open(String taskId, Worker w) {
    return opening.open(taskId, w);
  }

  /**
   * Checks the values against the form and the domain rules, writes the record and completes the
   * task, all in one transaction: when anything is invalid nothing is written.
   */
  public void complete(String taskId, Worker w, Map<String, List<String>> params) {
    completing.complete(taskId, w, params);
  }

  public void claim(String taskId, Worker w) {
    completing.claim(taskId, w);
  }

  public void unclaim(String taskId, Worker w) {
    completing.unclaim(taskId, w);
  }
}
