package org.careflow.database;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Reads a process's job definitions in one query instead of one query each. Every new job looks up its
 * job definition (whether it is suspended, and its process's key), by id, once per command: a monthly
 * talk's timer job read three (its own, then those of the talk's reminder and escalation timers), a case
 * start one per timer. On the first look-up of a command, the job definitions of the process being run are
 * read together into the command's entity cache, from which the engine then answers the others; read in
 * the same transaction as before, so a suspension is seen as before. Nothing else of the engine's job
 * definitions changes.
 */
@Component
class JobDefinitionsOfTheProcess extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSessionFactories().put(JobDefinitionManager.class, new GenericManagerFactory(ReadTogether.class) {
      @Override
      public Class<?> getSessionType() {
        return JobDefinitionManager.class;
      }
    });
  }

  /** One per command, as the engine's own. */
  public static class ReadTogether extends JobDefinitionManager {

    private final Set<String> processesRead = new HashSet<>();

    @Override
    public JobDefinitionEntity findById(String id) {
      JobDefinitionEntity cached = getDbEntityManager().getCachedEntity(JobDefinitionEntity.class, id);
      if (cached != null) {
        return cached;
      }
      String process = processOf(id);
      if (process != null && processesRead.add(process)) {
        findByProcessDefinitionId(process);
        cached = getDbEntityManager().getCachedEntity(JobDefinitionEntity.class, id);
        if (cached != null) {
          return cached;
        }
      }
      return super.findById(id);
    }

    /** The process definition the job definition most likely belongs to: the one being run, or its job's. */
    private String processOf(String jobDefinitionId) {
      BpmnExecutionContext running = Context.getBpmnExecutionContext();
      ExecutionEntity execution = running == null ? null : running.getExecution();
      if (execution != null && execution.getProcessDefinitionId() != null) {
        return execution.getProcessDefinitionId();
      }
      JobEntity job = Context.getCommandContext().getCurrentJob(); // the job being run asks for its own first
      return job != null && jobDefinitionId.equals(job.getJobDefinitionId()) ? job.getProcessDefinitionId() : null;
    }
  }
}
