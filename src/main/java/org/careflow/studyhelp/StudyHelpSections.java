package org.careflow.studyhelp;

import java.util.List;
import java.util.Map;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.PageSections;
import org.careflow.shared.TaskContext;
import org.springframework.stereotype.Component;

/**
 * Study help on other modules' pages: the child's page (the plans and the buddy; a helper opens the child's page
 * with only their plans), the class's page (the class's study buddies) and the term review (the term's plans with
 * their effect, the buddy with a form to rate its effect).
 */
@Component
class StudyHelpSections implements PageSections {

  static final String TEMPLATE = "studyhelp/sections";

  private final StudyHelp help;
  private final StudyHelpPlans plans;
  private final StudyBuddies buddies;
  private final SchoolDirectory schools;

  StudyHelpSections(StudyHelp help, StudyHelpPlans plans, StudyBuddies buddies, SchoolDirectory schools) {
    this.help = help;
    this.plans = plans;
    this.buddies = buddies;
    this.schools = schools;
  }

  private static CurrentUser user(Viewer v) {
    return new CurrentUser(v.user(), List.copyOf(v.groups()));
  }

  @Override
  public boolean opensChildPage(long childId, Viewer viewer) {
    return help.helps(viewer.user(), childId);
  }

  @Override
  public List<Section> childSections(long childId, Viewer viewer, boolean fullAccess) {
    CurrentUser u = user(viewer);
    List<StudyHelpPlans.PlanView> planViews = plans.plansOf(u, childId);
    List<StudyBuddies.BuddyView> buddyViews = fullAccess ? buddies.buddiesOf(u, childId) : List.of();
    return List.of(new Section(TEMPLATE, Map.of("kind", "child", "childId", childId, "plans", planViews,
        "buddy", buddyViews.stream().filter(b -> b.buddy().isActive()).findFirst().map(List::of).orElse(List.of()))));
  }

  @Override
  public List<Section> classSections(long classId, Viewer viewer) {
    return List.of(new Section(TEMPLATE, Map.of("kind", "class", "pairs", buddies.buddiesOfClass(classId))));
  }

  @Override
  public List<Section> taskSections(TaskContext task, long childId, Viewer viewer) {
    if (!List.of("termReview", "termSignOff").contains(task.taskKey())) {
      return List.of();
    }
    CurrentUser u = user(viewer);
    List<StudyHelpPlans.PlanView> planViews = plans.plansOf(u, childId);
    List<StudyBuddies.BuddyView> buddyViews = buddies.buddiesOf(u, childId);
    return List.of(new Section(TEMPLATE, Map.of("kind", "review", "childId", childId, "taskId", task.taskId(),
        "plans", planViews.stream().filter(p -> p.plan().isActive() || p.plan().getEffect() != null).toList(),
        "buddy", buddyViews.stream().filter(b -> b.buddy().isActive()).findFirst().map(List::of).orElse(List.of()),
        "effects", StudyHelp.EFFECTS)));
  }
}
