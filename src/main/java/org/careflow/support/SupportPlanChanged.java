package org.careflow.support;

import java.time.Instant;

/**
 * A support plan opened, or ended ({@code closedAt} set: closed by the supervisors' approval, or ended with its
 * case): published in that transaction, so a read model of the plans running (oversight's children at risk
 * with and without a plan) is in step when it commits.
 */
public record SupportPlanChanged(long planId, long caseId, Instant openedAt, Instant closedAt) {}
