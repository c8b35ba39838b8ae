package org.careflow.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.identity.Audit;
import org.careflow.inbox.TaskWork.TaskView;
import org.careflow.inbox.TaskWork.Worker;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.careflow.shared.TaskFormHandler.Option;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a task: its deployed form, the module's handler for the task (the {@link TaskFormHandler} that
 * owns its record), the form's choices and prefilled values; a read of a child's task is audited.
 */
@Component
class TaskOpening {

  private final TaskAccess access;
  private final TaskListing listing;
  private final FormService forms;
  private final Audit audit;
  private final Map<String, TaskFormHandler> handlers = new HashMap<>();

  TaskOpening(TaskAccess access, TaskListing listing, FormService forms, Audit audit, List<TaskFormHandler> handlers) {
    this.access = access;
    this.listing = listing;
    this.forms = forms;
    this.audit = audit;
    for (TaskFormHandler h : handlers) {
      for (String key : h.taskKeys()) {
        if (this.handlers.put(key, h) != null) {
          throw new IllegalStateException("two handlers for task " + key);
        }
      }
    }
  }

  @Transactional(readOnly = true)
  public TaskView open(String taskId, Worker w) {
    Task t = access.task(taskId, w);
    TaskContext ctx = access.context(t, w);
    FormSchema form = form(taskId);
    TaskFormHandler h = handler(ctx);
    Map<String, List<Option>> options = dynamicOptions(form, h, ctx);
    TaskView view = new TaskView(listing.rows(List.of(t)).get(0), ctx, form, h.prefill(ctx), options);
    if (view.row().childId() != null) {
      audit.read(w.user(), view.row().childId(), ctx.caseId(), "task " + ctx.taskKey());
    }
    return view;
  }

  Map<String, List<Option>> dynamicOptions(FormSchema form, TaskFormHandler h, TaskContext ctx) {
    Map<String, List<Option>> options = new LinkedHashMap<>();
    for (FormSchema.Field f : form.fields()) {
      if (f.valuesKey() != null) {
        options.computeIfAbsent(f.valuesKey(), k -> h.options(ctx, k));
      }
    }
    return options;
  }

  TaskFormHandler handler(TaskContext ctx) {
    TaskFormHandler h = handlers.get(ctx.taskKey());
    if (h == null) {
      throw new IllegalStateException("no handler for task " + ctx.taskKey());
    }
    return h;
  }

  FormSchema form(String taskId) {
    try (InputStream in = forms.getDeployedTaskForm(taskId)) {
      return FormSchema.parse(in);
    } catch (IOException e) {
      throw new IllegalStateException("the task's form cannot be read", e);
    }
  }
}
