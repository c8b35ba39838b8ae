package org.careflow.talk;

/**
 * A home visit checked the case's archive (reason VERIFICATION: the verification visit, or another visit at
 * which the archive was confirmed): published in the visit's transaction, so a read model of the verified
 * cases (oversight's unverified archives) is in step when it commits.
 */
public record ArchiveVerified(long visitId, long caseId) {}
