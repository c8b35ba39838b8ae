package org.careflow.enrolment;

import org.careflow.OnPostgres;

/** {@link RosterImportTest} again on PostgreSQL: the chunked import, its batches and its look-ups by student number. */
@OnPostgres
class RosterImportPostgresTest extends RosterImportTest {
}
