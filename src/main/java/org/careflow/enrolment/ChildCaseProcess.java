package org.careflow.enrolment;

/** The names the `child-case` BPMN and the code share. */
public final class ChildCaseProcess {
  public static final String KEY = org.careflow.shared.CaseProcesses.CHILD_CASE;
  public static final String VAR_CASE_ID = org.careflow.shared.CaseProcesses.VAR_CASE_ID;
  public static final String MESSAGE_CLOSE = org.careflow.shared.CaseProcesses.MESSAGE_CLOSE_CASE;
  public static final String MESSAGE_GUARDIAN_ABSENT = org.careflow.shared.CaseProcesses.MESSAGE_GUARDIAN_ABSENT;
  public static final String TASK_REGISTER = "registerChild";
  public static final String TASK_VERIFICATION_VISIT = "verificationVisit";
  public static final String TASK_ASSIGN_MENTOR = "assignMentor";
  public static final String TASK_FIRST_MEETING = "firstMeeting";
  public static final String TASK_MONTHLY_TALK = "monthlyTalk";
  public static final String TASK_WEEKLY_CHECK_IN = "weeklyCheckIn";
  public static final String TASK_TERM_REVIEW = "termReview";
  public static final String TASK_TERM_SIGN_OFF = "termSignOff";
  public static final String TASK_ASSESS_RISK_AFTER_REVIEW = "assessRiskAfterReview";

  private ChildCaseProcess() {}
}
