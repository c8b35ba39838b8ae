package org.careflow.carers;

/** The names {@code processes/carer-follow-up.bpmn} and the code share (ModelRulesTest checks each is in the model). */
public final class CarerFollowUpModel {

  /** Business key: {@code carer-<id>} (see shared.BusinessKey). */
  public static final String KEY = "carer-follow-up";
  public static final String TASK_ASK_CARER = "askCarer";

  private CarerFollowUpModel() {}
}
