package org.careflow.classplan;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.careflow.school.Term;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The class teacher's two tasks of a term: the help plan (form {@code class-plan}: goals, the term's
 * activities prefilled from the activity table, other help arrangements; the pairings shown beside it are
 * kept with the plan) and the summary (form {@code class-summary}: prefilled with the term's figures).
 */
@Component
class ClassPlanForms implements TaskFormHandler {

  private final ClassTermPapers papers;
  private final ClassTermFigures figures;
  private final PaperWriting writing;
  private final TaskService tasks;

  ClassPlanForms(ClassTermPapers papers, ClassTermFigures figures, PaperWriting writing, TaskService tasks) {
    this.papers = papers;
    this.figures = figures;
    this.writing = writing;
    this.tasks = tasks;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ClassTermPapers.PLAN_TASK, ClassTermPapers.SUMMARY_TASK);
  }

  /** The term a task is about: its own {@code termId} (the process goes on to the next term later). */
  Term termOf(TaskContext task) {
    long classId = ClassTermPapers.KEYS.idOf(task.businessKey());
    Object id = tasks.getVariable(task.taskId(), "termId");
    return papers.termOfClass(classId, id == null ? null : Long.valueOf(id.toString()))
        .orElseThrow(() -> new IllegalStateException("the task has no term of its class"));
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    long classId = ClassTermPapers.KEYS.idOf(task.businessKey());
    Term t = termOf(task);
    var l = LocaleContextHolder.getLocale();
    if (ClassTermPapers.PLAN_TASK.equals(task.taskKey())) {
      return Map.of("activities", figures.plannedActivities(classId, t, l));
    }
    return Map.of("achievements", figures.figuresText(figures.figures(classId, t), l));
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    long classId = ClassTermPapers.KEYS.idOf(task.businessKey());
    Term t = termOf(task);
    if (ClassTermPapers.PLAN_TASK.equals(task.taskKey())) {
      writing.writePlan(classId, t.getId(), v.text("goals"), v.text("activities"), v.text("helpNotes"), task.user(), errors);
    } else {
      writing.writeSummary(classId, t, v.text("achievements"), v.text("problems"), v.text("nextSteps"), task.user(), errors);
    }
    return Map.of();
  }
}
