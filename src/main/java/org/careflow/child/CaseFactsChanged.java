package org.careflow.child;

import java.time.Instant;

/**
 * What other modules keep of a case (oversight's case summary): the case, its child, the child's class and
 * school, its status (a {@link CaseStatus} name) and dates, and why it was closed. Published by
 * {@link CaseFacts} in the transaction that changes any of them (a case opened, decided, activated or closed;
 * its child moved to another class or registered); listeners that write in that transaction use plain
 * {@code @EventListener}. Also what {@link CaseFacts#all()} gives for a rebuild.
 */
public record CaseFactsChanged(long caseId, long childId, long classId, long schoolId, String status, Instant openedAt,
    Instant registeredAt, Instant closedAt, String closeReason) {}
