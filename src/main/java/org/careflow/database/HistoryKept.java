package org.careflow.database;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's history is FULL (the level stored in the database stays "full", so no installation has to
 * change it), but only the parts something reads are written. What reads what (docs/PERFORMANCE.md,
 * "History: what is kept and who reads it"):
 * <ul>
 *   <li>kept: process instances (case page, child file export, retention), activity instances (the case
 *       diagram), task instances (the task page after completion, the child file), variable instances
 *       (the child file), incidents and the user operation log (operators in Cockpit), the job log of jobs
 *       run and failed (which node ran a job: cluster checks; operators), decisions other than the
 *       calendar-like ones (eligibility, risk level: why a child was judged so);</li>
 *   <li>not written: the evaluations of {@code talk-cadence} (a calendar-like decision: its inputs are
 *       kept as risk assessments and support plans, its answer is the due date the task keeps; it ran four
 *       times a month per case, 16 of the 49 rows a monthly-talk timer wrote), the job log's creation and
 *       deletion entries (three per monthly timer, read by nothing), the identity-link log and the
 *       variable and form-field detail log (read by nothing in careflow or the community webapps).</li>
 * </ul>
 * A filter in front of the engine's history handler, set after the engine's own set-up.
 */
@Component
class HistoryKept extends AbstractProcessEnginePlugin {

  /** Decisions whose evaluations are not written to history. */
  static final Set<String> DECISIONS_WITHOUT_HISTORY = Set.of("talk-cadence");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
  }

  static boolean kept(HistoryEvent e) {
    if (e instanceof HistoricJobLogEventEntity log) {
      return !(log.isCreationLog() || log.isDeletionLog());
    }
    if (e instanceof HistoricDecisionEvaluationEvent d) {
      return d.getRootHistoricDecisionInstance() == null
          || !DECISIONS_WITHOUT_HISTORY.contains(d.getRootHistoricDecisionInstance().getDecisionDefinitionKey());
    }
    return !(e instanceof HistoricIdentityLinkLogEventEntity || e instanceof HistoricDetailEventEntity);
  }

  record Filter(HistoryEventHandler next) implements HistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent e) {
      if (kept(e)) {
        next.handleEvent(e);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      for (HistoryEvent e : events) {
        handleEvent(e);
      }
    }
  }
}
