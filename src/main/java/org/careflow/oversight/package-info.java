/**
 * Oversight for supervisors (principals, township education officers): what is overdue and what was
 * missed, by class, teacher, child and obligation; the reminders and escalations the processes raise
 * when a task's due date passes; the dashboard, its JSON and Excel exports and the daily digest.
 *
 * <p>Reads the other modules' tables with SQL (JdbcTemplate) rather than their package-private
 * classes; owns the table {@code cf_reminder}.
 */
package org.careflow.oversight;
