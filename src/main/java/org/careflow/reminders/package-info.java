/**
 * Reminders where teachers already are (issue 19): each school morning one message per teacher or mentor with
 * due or overdue work through the school's 企业微信 self-built application, the school's figures to its
 * supervisors, a class-level summary to a class's 钉钉 group robot; an escalation at once. Counts only: no
 * child's name or other personal data leaves careflow in a message (PIPL).
 *
 * <p>The counting is oversight's ({@code OversightQueries}); this module owns the tables {@code cf_rem_*}:
 * the channels of each school (secrets encrypted with {@link org.careflow.reminders.SecretBox}), each
 * person's platform ids and choices, and the outbox that makes several nodes send each message once.
 */
package org.careflow.reminders;
