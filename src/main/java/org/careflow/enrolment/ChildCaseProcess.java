package org.careflow.enrolment;

/** The names the `child-case` BPMN and the code share. */
public final class ChildCaseProcess {
  public static final String KEY = "child-case";
  public static final String VAR_CASE_ID = "caseId";
  public static final String MESSAGE_CLOSE = "closeCase";
  public static final String MESSAGE_GUARDIAN_ABSENT = "guardianAbsent";
  public static final String TASK_REGISTER = "registerChild";

  private ChildCaseProcess() {}
}
