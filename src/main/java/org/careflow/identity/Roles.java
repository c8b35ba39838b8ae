package org.careflow.identity;

import java.util.List;

/**
 * The roles of careflow. Each is a group in the engine's identity store, which the app, the engine
 * REST API and the Camunda webapps all read, so one user has one password and one set of roles.
 */
public final class Roles {
  public static final String TEACHER = "teacher";
  public static final String MENTOR = "mentor";
  public static final String COORDINATOR = "coordinator";
  public static final String SUPERVISOR = "supervisor";
  /** School counsellor (心理咨询): writes individual support plans with the class teacher. */
  public static final String COUNSELLOR = "counsellor";
  /** Camunda's own administrators' group: admins of careflow administer the engine too. */
  public static final String ADMIN = "camunda-admin";

  public static final List<String> ALL = List.of(TEACHER, MENTOR, COORDINATOR, SUPERVISOR, COUNSELLOR, ADMIN);

  private Roles() {}
}
