package org.careflow.shared;

import java.util.List;
import java.util.Optional;

/**
 * The words the processes and the modules share: which processes are about a case (their business key
 * is the case id, a called process gets its caller's), the {@code caseId} variable, and the messages
 * sent across modules. A model's own ids (tasks, events) are in the constants class of the module that
 * owns the model (enrolment.ChildCaseProcess, family.FamilyTiesProcess, support.SupportPlanProcess,
 * guardianmeeting.GuardianMeetings); ModelRulesTest fails when a constant names nothing in its model.
 */
public final class CaseProcesses {

  public static final String CHILD_CASE = "child-case";
  public static final String FAMILY_TIES = "family-ties";
  public static final String SUPPORT_PLAN = "support-plan";

  /** The processes whose business key is a case id: the case itself, the family ties it calls each term, its support plans. */
  public static final List<String> KEYS = List.of(CHILD_CASE, FAMILY_TIES, SUPPORT_PLAN);

  /** The case id as a variable: for information only (the business key is the source, see {@link BusinessKey}). */
  public static final String VAR_CASE_ID = "caseId";

  /** Message: the case closes (parents returned, transferred, graduated). */
  public static final String MESSAGE_CLOSE_CASE = "closeCase";
  /** Message: a guardian missed the class's guardian meeting (a home visit follows). */
  public static final String MESSAGE_GUARDIAN_ABSENT = "guardianAbsent";

  private CaseProcesses() {}

  public static boolean isCaseProcess(String processKey) {
    return KEYS.contains(processKey);
  }

  /** Whether a process definition id ({@code key:version:id}) is of a case process. */
  public static boolean isCaseDefinition(String definitionId) {
    return definitionId != null && KEYS.stream().anyMatch(p -> definitionId.startsWith(p + ":"));
  }

  /** The case an instance is about: its business key, when the definition is a case process's. */
  public static Optional<Long> caseIdOf(String definitionId, String businessKey) {
    return isCaseDefinition(definitionId) ? BusinessKey.parse(businessKey) : Optional.empty();
  }

  /** SQL: the definition id in {@code column} is a case process's. */
  public static String sqlIsCaseDefinition(String column) {
    return "(" + String.join(" OR ", KEYS.stream().map(p -> column + " LIKE '" + p + ":%'").toList()) + ")";
  }

  /** SQL: the list of case process keys, quoted, for an IN (…). */
  public static String sqlKeys() {
    return String.join(", ", KEYS.stream().map(k -> "'" + k + "'").toList());
  }
}
