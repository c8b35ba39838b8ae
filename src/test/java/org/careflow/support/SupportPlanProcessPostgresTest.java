package org.careflow.support;

import org.careflow.OnPostgres;

/** {@link SupportPlanProcessTest} again on PostgreSQL: the risk rules, the talk cadence and every path of support-plan. */
@OnPostgres
class SupportPlanProcessPostgresTest extends SupportPlanProcessTest {
}
