package org.careflow.support;

import java.time.Instant;

/**
 * A case's risk was assessed (a row of the assessment history; the newest is the case's current level):
 * published in the assessing transaction, so a read model of the levels (oversight's children at risk) is
 * in step when it commits.
 */
public record RiskAssessed(long assessmentId, long caseId, String riskLevel, Instant assessedAt) {}
