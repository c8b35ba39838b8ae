package org.careflow.support;

/** The names {@code processes/support-plan.bpmn} and the code share (ModelRulesTest checks each is in the model). */
public final class SupportPlanProcess {

  public static final String KEY = org.careflow.shared.CaseProcesses.SUPPORT_PLAN;
  public static final String TASK_WRITE = "writeSupportPlan";
  public static final String TASK_REVIEW = "reviewSupportPlan";
  public static final String TASK_APPROVE_CLOSE = "approveSupportPlanClose";
  /** Set by the review's form: the gateway after the review asks the coordinator to approve the close. */
  public static final String VAR_CLOSE_RECOMMENDED = "closeRecommended";

  private SupportPlanProcess() {}
}
