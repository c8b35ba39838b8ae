package org.careflow.guardianmeeting;

import org.careflow.OnPostgres;

/** {@link GuardianMeetingProcessTest} again on PostgreSQL: guardian-meeting and the home visits of absent guardians. */
@OnPostgres
class GuardianMeetingProcessPostgresTest extends GuardianMeetingProcessTest {
}
