package org.careflow.database;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.careflow.shared.EngineTables;
import org.springframework.stereotype.Component;

/**
 * Every job has a due date. careflow's job executor acquires due jobs by their due date alone
 * ({@code job-executor-acquire-by-due-date} with {@code ensure-job-due-date-not-null}, application.yaml),
 * so a job without one would never run. The engine gives every new job a due date, but two ways remain
 * to leave one without, and both are closed here:
 * <ul>
 *   <li>"set the due date" with none, through any door (the REST API's {@code PUT /job/{id}/duedate},
 *       Cockpit, the Java API): the engine would store none. It means "due now" to the engine's default
 *       acquisition, so it is stored as now;</li>
 *   <li>jobs written by a careflow version or a node without the setting (an upgrade with async
 *       continuations waiting): at each start, before the job executor starts, they are given their
 *       creation time as due date (the time they became due), oldest first as before.</li>
 * </ul>
 */
@Component
class JobDueDates extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(JobDueDates.class);

  private final EngineTables engineTables;
  private boolean ensured;

  JobDueDates(EngineTables engineTables) {
    this.engineTables = engineTables;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setManagementService(new DueDateKept(configuration));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    ensured = configuration.isEnsureJobDueDateNotNull();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (ensured) {
      giveDueDates();
    }
  }

  /** Jobs without a due date get the time they were created (now if that is unknown); returns how many. */
  int giveDueDates() {
    int given = engineTables.dateUndatedJobs(ClockUtil.getCurrentTime());
    if (given > 0) {
      log.info("{} jobs had no due date (written without ensure-job-due-date-not-null): due from their creation", given);
    }
    return given;
  }

  /** The engine's management service, with "no due date" stored as "due now" when every job must have one. */
  static final class DueDateKept extends ManagementServiceImpl {
    private final ProcessEngineConfigurationImpl configuration;

    DueDateKept(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
      this.configuration = configuration;
    }

    @Override
    public void setJobDuedate(String jobId, Date newDuedate, boolean cascade) {
      super.setJobDuedate(jobId, newDuedate == null && configuration.isEnsureJobDueDateNotNull() ? ClockUtil.getCurrentTime() : newDuedate, cascade);
    }
  }
}
