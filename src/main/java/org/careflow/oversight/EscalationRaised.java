package org.careflow.oversight;

/**
 * Published (synchronously, within the engine's transaction) when a task a week overdue is escalated to the
 * supervisors, so that other modules can tell them at once (reminders: 企业微信, 钉钉). Ids and keys only.
 *
 * @param reminderId the escalation's record
 * @param processDefinitionId the process the task is in ("key:version:id")
 * @param businessKey its business key (a case id, or a prefixed key of another process)
 * @param taskKey the user task's key: its obligation
 * @param assignee who the task waits for, or null
 */
public record EscalationRaised(long reminderId, String processDefinitionId, String businessKey, String taskKey, String assignee) {}
