package org.careflow.activity;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * A new version of the decision {@value ClassActivities#DECISION_KEY} (a coordinator's change in
 * {@code /design}, or a new release) is read at once: in the deployment's own transaction every class's
 * waiting "next month" timer is made due now, so each class's obligations of this month follow the new
 * table within moments (what the old table raised stays; nothing is raised twice). Only new deployments
 * count, not the engine reloading its cache.
 */
@Component
class ActivityRulesChanged extends AbstractProcessEnginePlugin {

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<Deployer> post = new ArrayList<>();
    if (configuration.getCustomPostDeployers() != null) {
      post.addAll(configuration.getCustomPostDeployers());
    }
    post.add(this::deployed);
    configuration.setCustomPostDeployers(post);
  }

  private void deployed(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<DecisionDefinitionEntity> decisions = deployment.getDeployedArtifacts(DecisionDefinitionEntity.class);
    if (decisions == null || decisions.stream().noneMatch(d -> ClassActivities.DECISION_KEY.equals(d.getKey()))) {
      return;
    }
    Context.getCommandContext().runWithoutAuthorization(() -> {
      ManagementService management = configuration.getManagementService();
      Date now = ClockUtil.getCurrentTime();
      for (Job timer : management.createJobQuery().processDefinitionKey(ClassActivities.PROCESS_KEY).timers().list()) {
        management.setJobDuedate(timer.getId(), now);
      }
      return null;
    });
  }
}
