package org.careflow.talk;

import java.time.LocalDate;

/**
 * A home visit other than the quarter's own was written down (verification, or after a missed
 * guardian meeting): published in the writing transaction, so the quarter's visit task can end.
 */
public record HomeVisitRecorded(long caseId, LocalDate visitDate) {}
