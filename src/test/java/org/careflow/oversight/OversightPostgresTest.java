package org.careflow.oversight;

import org.careflow.OnPostgres;

/** {@link OversightTest} again on PostgreSQL: the dashboard's figures (overdue buckets, targets) from PostgreSQL's SQL. */
@OnPostgres
class OversightPostgresTest extends OversightTest {
}
