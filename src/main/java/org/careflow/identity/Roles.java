package org.careflow.identity;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roles of careflow. Each is a group in the engine's identity store, which the app, the engine
 * REST API and the Camunda webapps all read, so one user has one password and one set of roles.
 *
 * <p>A role says what someone does; a <em>scope group</em> says whose children they see:
 * {@code class-<id>} holds the class teacher of that class, {@code school-<id>} the people who look
 * after the whole school (its supervisors, coordinators and counsellors), and
 * {@code school-<id>-<role>} the same people by role, for the tasks offered to a role of that school
 * (a sign-off goes to the supervisors of the child's school only). See docs/ARCHITECTURE.md.
 */
public final class Roles {
  /** Class teacher (班主任): the children of their own classes. */
  public static final String TEACHER = "teacher";
  /** Mentor teacher (帮扶教师): their mentees. */
  public static final String MENTOR = "mentor";
  /** Subject teacher (任课教师): no child's file of their own (see README); a mentor role adds mentees. */
  public static final String SUBJECT_TEACHER = "subject-teacher";
  public static final String COORDINATOR = "coordinator";
  public static final String SUPERVISOR = "supervisor";
  /**
   * School counsellor (心理咨询): writes individual support plans with the class teacher; sees the
   * children of their schools.
   */
  public static final String COUNSELLOR = "counsellor";
  /** Camunda's own administrators' group: admins of careflow administer the engine too. */
  public static final String ADMIN = "camunda-admin";

  public static final List<String> ALL = List.of(TEACHER, MENTOR, SUBJECT_TEACHER, COUNSELLOR, COORDINATOR, SUPERVISOR, ADMIN);

  /** The roles whose reach is a school: their users belong to {@code school-<id>} groups. */
  public static final Set<String> SCHOOL_ROLES = Set.of(COUNSELLOR, COORDINATOR, SUPERVISOR);

  private static final Pattern SCHOOL_GROUP = Pattern.compile("school-(\\d{1,18})");
  private static final Pattern CLASS_GROUP = Pattern.compile("class-(\\d{1,18})");
  private static final Pattern SCHOOL_ROLE_GROUP = Pattern.compile("school-(\\d{1,18})-([a-z-]+)");

  /** The group ids the engine accepts: letters and digits, in parts joined by '-'. */
  public static final String GROUP_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  public static String classGroup(long classId) {
    return "class-" + classId;
  }

  public static String schoolGroup(long schoolId) {
    return "school-" + schoolId;
  }

  /** The group of one role of one school: candidate groups of that school's tasks. */
  public static String schoolRoleGroup(long schoolId, String role) {
    return "school-" + schoolId + "-" + role;
  }

  /** The school id of a {@code school-<id>} group, or null. */
  public static Long schoolOf(String group) {
    Matcher m = SCHOOL_GROUP.matcher(group);
    return m.matches() ? Long.valueOf(m.group(1)) : null;
  }

  /** The class id of a {@code class-<id>} group, or null. */
  public static Long classOf(String group) {
    Matcher m = CLASS_GROUP.matcher(group);
    return m.matches() ? Long.valueOf(m.group(1)) : null;
  }

  /** The role of a {@code school-<id>-<role>} group ("supervisor"), or null: reminders name the role. */
  public static String roleOfSchoolGroup(String group) {
    Matcher m = SCHOOL_ROLE_GROUP.matcher(group);
    return m.matches() ? m.group(2) : null;
  }

  /** Scope groups are not roles: they are left out of the role lists shown to people. */
  public static boolean isScopeGroup(String group) {
    return group.startsWith("class-") || group.startsWith("school-");
  }

  private Roles() {}
}
