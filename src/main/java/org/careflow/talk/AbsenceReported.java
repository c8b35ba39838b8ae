package org.careflow.talk;

import java.time.LocalDate;

/**
 * A class teacher's talk card says the child missed school days since the last talk ({@code daysMissed} &gt; 0),
 * published in the writing transaction: the absence module decides whether the child is followed up (劝返).
 */
public record AbsenceReported(long caseId, int daysMissed, LocalDate talkDate, String teacher) {}
