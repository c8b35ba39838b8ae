package org.careflow.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.inbox.TaskWork.Comment;
import org.careflow.inbox.TaskWork.Worker;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A task's notes ({@code cf_task_comment}) and hand-overs to a colleague of the school, with the note that stays on the task. */
@Component
class TaskNotes {

  private final TaskAccess access;
  private final TaskService tasks;
  private final TaskCommentRepository comments;
  private final SchoolDirectory schools;
  private final CareClock clock;

  TaskNotes(TaskAccess access, TaskService tasks, TaskCommentRepository comments, SchoolDirectory schools, CareClock clock) {
    this.access = access;
    this.tasks = tasks;
    this.comments = comments;
    this.schools = schools;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Comment> comments(String taskId, Worker w) {
    access.task(taskId, w);
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
    access.task(taskId, w);
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
    Task t = access.task(taskId, w);
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
}
