package org.careflow.activity;

/** The names {@code processes/class-activities.bpmn} and the code share (ModelRulesTest checks each is in the model). */
public final class ClassActivitiesProcess {

  /** Business key: {@code class-<id>} (see shared.BusinessKey). */
  public static final String KEY = "class-activities";
  public static final String TASK_HOLD_ACTIVITY = "holdActivity";
  /** The obligations the decision raised this month: one task per id (multi-instance). */
  public static final String VAR_OBLIGATION_IDS = "obligationIds";
  /** A task's own obligation (the multi-instance element). */
  public static final String VAR_OBLIGATION_ID = "obligationId";

  private ClassActivitiesProcess() {}
}
