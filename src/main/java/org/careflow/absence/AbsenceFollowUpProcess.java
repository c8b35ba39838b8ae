package org.careflow.absence;

/** The names {@code processes/absence-follow-up.bpmn} and the code share (ModelRulesTest checks each is in the model). */
public final class AbsenceFollowUpProcess {

  /** Business key: {@code absence-<follow-up id>} (see shared.BusinessKey). */
  public static final String KEY = "absence-follow-up";
  public static final String TASK_FIND_OUT = "findOutAbsence";

  private AbsenceFollowUpProcess() {}
}
