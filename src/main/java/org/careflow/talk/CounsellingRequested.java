package org.careflow.talk;

/**
 * The class teacher ticked "refer to the counsellor" on a talk card: published in the talk's transaction, so
 * the referral (counselling module) is made with the talk record or not at all.
 */
public record CounsellingRequested(long caseId, String teacher, String concerns) {}
