package org.careflow.oversight;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.careflow.enrolment.ChildCaseProcess;
import org.careflow.shared.CaseProcesses;
import org.careflow.shared.EngineTables;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboard's summary of open work ({@code cf_dash_task}, {@code cf_dash_open_work}) in step
 * with the engine: a built-in task listener on every user task of every process (so the engine calls it
 * on create, assignment, update, complete and delete, in the same transaction, also when a case is
 * cancelled without custom listeners). Each event makes the task's row match the task as it is now and
 * moves one count from its old (class, assignee, task, due date) to its new one. The dashboard then sums a
 * few thousand count rows instead of grouping 200,000 tasks joined to their cases (docs/PERFORMANCE.md).
 *
 * <p>Split in four: this class is the listener (which event means what), {@link OpenWorkWriter} the
 * projection's writer (a transaction's rows and counts gathered and written in batches before it commits),
 * {@link DashUpserts} the upserts of each database dialect, {@link OpenWorkRebuild} the rebuild from the
 * engine's tasks.
 *
 * <p>The case summary ({@code cf_dash_case}) is not kept here: it follows the child module's
 * {@link org.careflow.child.CaseFactsChanged} (a case opened, decided or closed, its child moved or
 * registered), heard by {@link OpenWorkWriter} in the transaction of the change; a child moved to another
 * class moves its case's open tasks' counts then. A task of a case is placed in its case's row. A talk or
 * check-in recorded through its task counts its case-period once. What is not an engine event is caught by {@link #rebuild()}: a
 * running case migrated to a new version keeps the old task key. It runs at start when the summary does
 * not match the engine's open tasks and the cases (a first start after upgrading, data written around
 * the engine).
 */
@Component
public class OpenWork extends AbstractProcessEnginePlugin {

  /** The processes whose business key is a case id (the others with a subject: guardian-meeting, by meeting id). */
  static final List<String> CASE_PROCESSES = CaseProcesses.KEYS;

  private final OpenWorkWriter writer;
  private final OpenWorkRebuild rebuild;

  OpenWork(OpenWorkWriter writer, OpenWorkRebuild rebuild) {
    this.writer = writer;
    this.rebuild = rebuild;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
          TaskListener sync = OpenWork.this::onTaskEvent;
          for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE,
              TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
            b.getTaskDefinition().addBuiltInTaskListener(event, sync);
          }
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  void onTaskEvent(DelegateTask task) {
    writer.syncOpenWork(task);
    String event = task.getEventName();
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(event)) {
      return; // follows create or a hand-over: nothing of the case changes
    }
    Long caseId = caseIdOf(task.getProcessDefinitionId(), task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
    if (caseId == null) {
      return;
    }
    boolean record = TaskListener.EVENTNAME_COMPLETE.equals(event)
        && (ChildCaseProcess.TASK_MONTHLY_TALK.equals(task.getTaskDefinitionKey()) || ChildCaseProcess.TASK_WEEKLY_CHECK_IN.equals(task.getTaskDefinitionKey()))
        && !Boolean.TRUE.equals(task.getVariableLocal("checkInMissed")); // a week closed as missed has no record to count
    if (record) {
      writer.recordWritten(caseId, ChildCaseProcess.TASK_MONTHLY_TALK.equals(task.getTaskDefinitionKey()));
    }
  }

  static Long caseIdOf(String definitionId, String businessKey) {
    return CaseProcesses.caseIdOf(definitionId, businessKey).orElse(null);
  }

  /** SQL: the task t belongs to a process whose business key is a case id. */
  static String ofCaseProcess(String definitionColumn) {
    return CaseProcesses.sqlIsCaseDefinition(definitionColumn);
  }

  /**
   * The open tasks with a due date of the case processes, placed as the writer places them: in their case's
   * row of the case summary (cf_dash_case, written first), class and school 0 for a case that is not there.
   */
  static final String ENGINE_CASE_TASKS = """
      SELECT t.task_id, d.case_id, d.child_id, COALESCE(d.class_id, 0) AS class_id, COALESCE(d.school_id, 0) AS school_id,
             t.task_key, t.assignee, t.due_date
        FROM %s t
        LEFT JOIN cf_dash_case d ON d.case_id = CASE WHEN %s THEN CAST(t.business_key AS BIGINT) END
       WHERE %s
      """.formatted(EngineTables.OPEN_TASKS_WITH_DUE, ofCaseProcess("t.definition_id"), ofCaseProcess("t.definition_id"));

  /** The open tasks with a due date of every other process, to be placed by their owning modules ({@link ProcessPlaces}). */
  static final String ENGINE_OTHER_TASKS = "SELECT t.task_id, t.definition_id, t.business_key, t.task_key, t.assignee, t.due_date FROM "
      + EngineTables.OPEN_TASKS_WITH_DUE + " t WHERE NOT " + ofCaseProcess("t.definition_id");

  static Long parse(String key) {
    return org.careflow.shared.BusinessKey.parse(key).orElse(null);
  }

  /** Recomputes the whole summary from the engine's open tasks, in one transaction. Returns the number of tasks. */
  public long rebuild() {
    return rebuild.rebuild();
  }
}
