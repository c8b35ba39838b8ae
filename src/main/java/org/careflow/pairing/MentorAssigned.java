package org.careflow.pairing;

import java.time.Instant;

/**
 * A mentor was assigned to a case (a row of the pairing history; the first is when the case was paired):
 * published in the assigning transaction, so a read model of the pairings (oversight's pairing rate) is in
 * step when it commits.
 */
public record MentorAssigned(long pairingId, long caseId, Instant assignedAt) {}
