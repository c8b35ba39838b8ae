package org.careflow.talk;

import java.time.LocalDate;

/**
 * A class teacher's talk card was written, in the writing transaction: when it says the parents were told
 * ({@code parentsInformed}), the family module counts it as the month's feedback to the parents.
 *
 * @param month the calendar month the talk counts for (yyyy-MM)
 * @param note what the card says to follow up, or its concerns (may be null)
 */
public record TalkRecorded(long caseId, String month, LocalDate talkDate, boolean parentsInformed, String teacher, String note) {}
