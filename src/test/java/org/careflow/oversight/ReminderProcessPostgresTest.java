package org.careflow.oversight;

import org.careflow.OnPostgres;

/** {@link ReminderProcessTest} again on PostgreSQL: the reminders' timers and their records. */
@OnPostgres
class ReminderProcessPostgresTest extends ReminderProcessTest {
}
