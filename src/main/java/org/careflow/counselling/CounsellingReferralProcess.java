package org.careflow.counselling;

/** The names {@code processes/counselling-referral.bpmn} and the code share (ModelRulesTest checks each is in the model). */
public final class CounsellingReferralProcess {

  /** Business key: {@code referral-<id>} (see shared.BusinessKey). */
  public static final String KEY = "counselling-referral";
  public static final String TASK_REFERRAL = "counsellingReferral";

  private CounsellingReferralProcess() {}
}
