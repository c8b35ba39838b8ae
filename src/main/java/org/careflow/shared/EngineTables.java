package org.careflow.shared;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The only place in careflow that names the engine's tables ({@code ACT_*}): one class to read when a
 * Camunda upgrade changes its schema ({@code TableOwnershipTest} fails for an {@code ACT_} table named
 * anywhere else). Everything that can go through the engine's services does (queries, RepositoryService,
 * AuthorizationService); what is here is SQL the services cannot express at the size careflow runs at:
 * the inbox's page and counts over a union of a user's and their groups' tasks, the open-work summary's
 * rebuild from all open tasks, the deployment lock, the engine's own login lock and password hash, jobs left without a due date.
 *
 * <p>It sits in {@code shared} because five modules need it (inbox, oversight, identity, design, database) and none
 * of them owns the engine. Fragments give careflow names to the engine's columns ({@code task_id},
 * {@code business_key} …) so that the SQL around them does not spell the engine's columns either.
 */
@Component
public class EngineTables {

  private final JdbcTemplate jdbc;

  EngineTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- inbox -------------------------------------------------------------------------------------

  private static final String TASK_COLUMNS = "t.ID_ as id, t.NAME_ as name, t.TASK_DEF_KEY_ as task_key, t.DUE_DATE_ as due_date,"
      + " t.ASSIGNEE_ as assignee, t.CREATE_TIME_ as created, t.PROC_INST_ID_ as process_instance_id, t.PROC_DEF_ID_ as definition_id";

  /**
   * The active tasks a user may work on, as a derived table {@code v} (columns id, name, task_key,
   * due_date, assignee, created, process_instance_id, definition_id; parameters {@code :user},
   * {@code :groups}). The engine task query's rule: the user's own tasks, and their groups' tasks nobody
   * has claimed, as a union of two index-friendly halves (an OR across them made the databases scan
   * every task); an administrator sees all.
   */
  public static String visibleTasks(boolean admin, Collection<String> groups) {
    if (admin) {
      return "(select " + TASK_COLUMNS + " from ACT_RU_TASK t where t.SUSPENSION_STATE_ = 1) v";
    }
    String own = "select " + TASK_COLUMNS + " from ACT_RU_TASK t where t.ASSIGNEE_ = :user and t.SUSPENSION_STATE_ = 1";
    if (groups.isEmpty()) {
      return "(" + own + ") v";
    }
    return "(" + own + " union select " + TASK_COLUMNS + " from ACT_RU_TASK t where t.ASSIGNEE_ is null and t.SUSPENSION_STATE_ = 1"
        + " and t.ID_ in (select l.TASK_ID_ from ACT_RU_IDENTITYLINK l where l.TYPE_ = 'candidate' and l.GROUP_ID_ in (:groups))) v";
  }

  /** Joins to {@link #visibleTasks}' {@code v} its process instance and definition: see {@link #BUSINESS_KEY}, {@link #PROCESS_KEY}. */
  public static final String PROCESS_OF_V = " left join ACT_RU_EXECUTION p on p.ID_ = v.process_instance_id"
      + " left join ACT_RE_PROCDEF d on d.ID_ = v.definition_id";

  /** With {@link #PROCESS_OF_V}: the process instance's business key. */
  public static final String BUSINESS_KEY = "p.BUSINESS_KEY_";

  /** With {@link #PROCESS_OF_V}: the process definition's key. */
  public static final String PROCESS_KEY = "d.KEY_";

  // --- oversight ---------------------------------------------------------------------------------

  /**
   * Every open task with a due date and a task key, as a derived table (columns task_id, task_key,
   * assignee ('' when none), due_date, task_name, definition_id, business_key).
   */
  public static final String OPEN_TASKS_WITH_DUE = """
      (SELECT t.ID_ AS task_id, t.TASK_DEF_KEY_ AS task_key, COALESCE(t.ASSIGNEE_, '') AS assignee, t.DUE_DATE_ AS due_date,
              t.NAME_ AS task_name, t.PROC_DEF_ID_ AS definition_id, pi.BUSINESS_KEY_ AS business_key
         FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION pi ON pi.ID_ = t.PROC_INST_ID_
        WHERE t.DUE_DATE_ IS NOT NULL AND t.TASK_DEF_KEY_ IS NOT NULL)""";

  /**
   * Joins the open task whose id is in {@code taskIdColumn} as {@code t} (an inner join: rows of tasks no
   * longer open drop out), and its process instance as {@code pi} only where {@code processWhen} holds;
   * see {@link #T_DEFINITION} and {@link #PI_BUSINESS_KEY}.
   */
  public static String openTaskAndProcess(String taskIdColumn, String processWhen) {
    return " JOIN ACT_RU_TASK t ON t.ID_ = " + taskIdColumn
        + " LEFT JOIN ACT_RU_EXECUTION pi ON " + processWhen + " AND pi.ID_ = t.PROC_INST_ID_";
  }

  /** With {@link #openTaskAndProcess}: the task's process definition id ({@code key:version:id}). */
  public static final String T_DEFINITION = "t.PROC_DEF_ID_";

  /** With {@link #openTaskAndProcess}: the business key of the task's process instance. */
  public static final String PI_BUSINESS_KEY = "pi.BUSINESS_KEY_";

  /** How many open tasks of process instances have a due date and a task key (the summary's check at start). */
  public long openTasksWithDue() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK t WHERE t.DUE_DATE_ IS NOT NULL AND t.TASK_DEF_KEY_ IS NOT NULL"
        + " AND t.PROC_INST_ID_ IS NOT NULL", Long.class);
    return n == null ? 0 : n;
  }

  // --- identity ----------------------------------------------------------------------------------

  /** Users the engine's own login lock holds (careflow's throttle applies instead). */
  public List<String> usersWithEngineLock() {
    return jdbc.queryForList("select ID_ from ACT_ID_USER where LOCK_EXP_TIME_ is not null or ATTEMPTS_ > 0", String.class);
  }

  /** The engine's stored (salted) password hash of the user, or null; read only to notice that it changed. */
  public String passwordHash(String user) {
    List<String> hash = jdbc.queryForList("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, user);
    return hash.isEmpty() ? null : hash.get(0);
  }

  /**
   * Running process instances with a business key and no grant yet to a school group for the resource
   * type (the authorization query cannot ask "has none").
   */
  public List<String> instancesWithoutSchoolGrant(int resourceType) {
    return jdbc.queryForList("""
        SELECT e.ID_ FROM ACT_RU_EXECUTION e
         WHERE e.ID_ = e.PROC_INST_ID_ AND e.BUSINESS_KEY_ IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION a WHERE a.RESOURCE_TYPE_ = ? AND a.RESOURCE_ID_ = e.ID_
                           AND a.GROUP_ID_ LIKE 'school-%')
        """, String.class, resourceType);
  }

  // --- database ----------------------------------------------------------------------------------

  /**
   * Jobs without a due date (which acquisition by due date never finds) get the time they were created,
   * or {@code now} when that is unknown; answers how many.
   */
  public int dateUndatedJobs(java.util.Date now) {
    return jdbc.update("update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, ?) where DUEDATE_ is null", now);
  }

  // --- design ------------------------------------------------------------------------------------

  /**
   * Takes the engine's deployment lock (a row of its property table) for the current transaction: the
   * engine serialises deployments with it, so several nodes starting at once see each other's deployments.
   */
  public void lockDeployments() {
    jdbc.update("update ACT_GE_PROPERTY set VALUE_ = VALUE_ where NAME_ = 'deployment.lock'");
  }
}
