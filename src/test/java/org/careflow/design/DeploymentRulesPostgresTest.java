package org.careflow.design;

import org.careflow.OnPostgres;

/** {@link DeploymentRulesTest} again on PostgreSQL: the model rules at the engine REST API, deployments stored in PostgreSQL. */
@OnPostgres
class DeploymentRulesPostgresTest extends DeploymentRulesTest {
}
