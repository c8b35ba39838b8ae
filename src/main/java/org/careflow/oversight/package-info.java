/**
 * Oversight for supervisors (principals, township education officers): what is overdue and what was
 * missed, by class, teacher, child and obligation; the reminders and escalations the processes raise
 * when a task's due date passes; the dashboard, its JSON and Excel exports and the daily digest.
 *
 * <p>Owns {@code cf_reminder} and its read model ({@code cf_dash_*}), kept from the engine's task events
 * and the other modules' events, filled from their public Java APIs at a rebuild; only the case summary
 * still reads the case, child and class tables with SQL (TableOwnershipTest.STILL_TO_MOVE).
 */
package org.careflow.oversight;
