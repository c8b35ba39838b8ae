package org.careflow.design;

import java.util.Set;
import java.util.TreeSet;

/**
 * The one list of what a model's expressions may name: careflow's own beans. Nothing else is reachable,
 * neither by the rules checked before a deployment ({@link ModelSafety}, {@link ExpressionRules}) nor by the
 * engine when it evaluates ({@link EngineSandboxPlugin}). A new delegate or calendar bean that a model
 * should call is added here, by its Spring bean name.
 */
public final class ModelVocabulary {

  /** Beans whose timer methods may compute a timer's date, duration or cycle. */
  public static final Set<String> TIMER_BEANS = Set.of(
      "careCalendar", "familyCalendar", "meetingCalendar", "talkCadence", "taskDue",
      // issue 17 (branch activities): the class-activities obligations
      "activityCalendar",
      // holiday care (issue 17): dates, class teacher and mentors of a holiday's care
      "holidayCalendar",
      // carers' monthly follow-up (carers.CarerCalendar)
      "carerCalendar",
      // issue 18 (branch handin): class plans and summaries, 劝返, the term-end archive
      "classPlanCalendar", "absenceCalendar", "termArchiveCalendar");

  /** Every bean a model may name: delegates, listeners, role and calendar lookups. */
  public static final Set<String> BEANS = union(TIMER_BEANS, Set.of(
      "caseRoles", "classRoles", "familyContact", "supportPlans",
      "eligibilityDelegate", "absenteeVisitDelegate", "nextTermDelegate",
      "taskReminder", "taskEscalation",
      "riskInputs", "riskRecord", "supportPlanOpen", "supportPlanEnded",
      // named by models being written on other branches (term meetings, mentor pairing)
      "termMeeting", "mentorPairing",
      // issue 17 (branch activities)
      "activityObligations",
      // counselling (issue 17): who is offered referrals and the support plan's writing
      "counsellingRoles",
      // carers.CarerFollowUpProcess: who is asked, and whether
      "carerFollowUp",
      // issue 18 (branch handin)
      "classTermFinder", "termArchiveFinder"));

  /** The names the engine gives the running execution or task inside an expression. */
  public static final Set<String> SCOPE_NAMES = Set.of("execution", "task");

  /** The only properties of {@code execution} / {@code task} an expression may read. */
  public static final Set<String> SCOPE_PROPERTIES = Set.of(
      "processBusinessKey", "businessKey", "processInstanceId", "id", "currentActivityId", "eventName");

  private ModelVocabulary() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
