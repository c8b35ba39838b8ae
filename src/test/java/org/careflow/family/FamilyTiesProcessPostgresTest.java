package org.careflow.family;

import org.careflow.OnPostgres;

/** {@link FamilyTiesProcessTest} again on PostgreSQL: family-ties and its weekly contact records. */
@OnPostgres
class FamilyTiesProcessPostgresTest extends FamilyTiesProcessTest {
}
