package org.careflow.enrolment;

import org.careflow.OnPostgres;

/** {@link ChildCaseProcessTest} again on PostgreSQL: every path of child-case, with careflow's own SQL (dashboard rows, locks, dates) on the database schools run. */
@OnPostgres
class ChildCaseProcessPostgresTest extends ChildCaseProcessTest {
}
