package org.careflow.guardianmeeting;

/** The names {@code processes/guardian-meeting.bpmn} and the code share (ModelRulesTest checks each is in the model). */
public final class GuardianMeetingProcess {

  /** Business key: the meeting's id. */
  public static final String KEY = "guardian-meeting";
  public static final String TASK_PLAN = "planMeeting";
  public static final String TASK_INVITE = "sendInvitations";
  public static final String TASK_HOLD = "holdMeeting";

  private GuardianMeetingProcess() {}
}
