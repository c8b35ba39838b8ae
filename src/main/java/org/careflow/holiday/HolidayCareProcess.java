package org.careflow.holiday;

/** The names {@code processes/holiday-care.bpmn} and the code share (ModelRulesTest checks each is in the model). */
public final class HolidayCareProcess {

  /** Business key: {@code holiday-<care id>} (see shared.BusinessKey). */
  public static final String KEY = "holiday-care";
  public static final String TASK_LETTER = "holidaySafetyLetter";
  public static final String TASK_MENTEE_CONTACT = "holidayMenteeContact";
  public static final String TASK_FESTIVAL_MEETING = "springFestivalMeeting";

  private HolidayCareProcess() {}
}
