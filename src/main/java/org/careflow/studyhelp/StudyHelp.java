package org.careflow.studyhelp;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careflow.child.Child;
import org.careflow.child.ChildAccess;
import org.careflow.child.ChildArchive;
import org.careflow.child.CareCases;
import org.careflow.child.ChildRepository;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Study help (学习帮扶): the coordinator or the class teacher gives a subject teacher of the school a child to
 * help in a subject (the plan); the helper writes the child's progress file (进步档案) and checks the effect at
 * the term's end; the class teacher chooses the child's study buddy from any classmate and rates the buddy's
 * effect at the term review. Who may do what:
 * <ul>
 * <li>arrange (plans, buddies, ending a plan): the class teacher of the child's class, the coordinators of its
 * school, administrators;</li>
 * <li>write progress and check the effect: the plan's helper and those who arrange;</li>
 * <li>see: whoever sees the child's page, and the helper of an active plan, who sees their own plans of the
 * child only (least access: no archive, no case, no other records).</li>
 * </ul>
 * This class holds who may what and the look-ups the others share; the plans are {@link StudyHelpPlans}', the
 * progress file and effect checks {@link ProgressFile}'s, the buddies {@link StudyBuddies}'. Every user action
 * is validated first and written in one transaction, audited with the child.
 */
@Service
public class StudyHelp {

  public static final List<String> EFFECTS = List.of("CLEAR", "SOME", "NONE", "WORSE");

  private final StudyHelpPlanRepository plans;
  private final ChildArchive archive;
  private final ChildRepository children;
  private final CareCases cases;

  StudyHelp(StudyHelpPlanRepository plans, ChildArchive archive, ChildRepository children, CareCases cases) {
    this.plans = plans;
    this.archive = archive;
    this.children = children;
    this.cases = cases;
  }

  /** The class teacher of the child's class, a coordinator of its school, an administrator. */
  public static boolean mayArrange(CurrentUser u, Child child) {
    long school = child.getSchoolClass().getSchool().getId();
    return u.isAdmin() || (u.has(Roles.COORDINATOR) && u.seesSchool(school)) || u.id().equals(child.getSchoolClass().getClassTeacher());
  }

  /** Whether this user helps the child under an active plan. */
  @Transactional(readOnly = true)
  public boolean helps(String user, long childId) {
    return plans.existsByTeacherAndChildIdAndActiveTrue(user, childId);
  }

  /** Whether the user sees the child's whole page (then every plan of the child too). */
  boolean seesChild(CurrentUser u, Child child) {
    return ChildAccess.maySee(u, child, cases.casesOfChild(child.getId()));
  }

  /** The child, if the user may see their study help at all; else 404, as if there were no such child. */
  Child visibleChild(CurrentUser u, long childId) {
    Child child = child(childId);
    if (!seesChild(u, child) && !helps(u.id(), childId)) {
      throw new NotFoundException("child");
    }
    return child;
  }

  /** The child, or 404. */
  Child child(long childId) {
    try {
      return archive.child(childId);
    } catch (RuntimeException e) {
      throw new NotFoundException("child");
    }
  }

  /** The plan, or 404. */
  StudyHelpPlan plan(long planId) {
    return plans.findById(planId).orElseThrow(() -> new NotFoundException("plan"));
  }

  /** Names of children by id; in the caller's transaction. */
  Map<Long, String> names(Collection<Long> childIds) {
    Map<Long, String> out = new HashMap<>();
    if (!childIds.isEmpty()) {
      children.findAllById(childIds).forEach(c -> out.put(c.getId(), c.getName()));
    }
    return out;
  }

  /** Names of children by id, for lists. */
  @Transactional(readOnly = true)
  public Map<Long, String> childNames(Collection<Long> ids) {
    return names(ids);
  }
}
