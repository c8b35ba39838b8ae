package org.careflow.studyhelp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.careflow.child.Child;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The study-help pages: {@code /study-help} (the children a subject teacher helps; the plans a class teacher or
 * coordinator arranged) and {@code /children/{id}/study-help} (a child's plans, progress file, effect checks and
 * study buddy). Bad input answers 422 with what is wrong, in the user's language, and writes nothing
 * (shared.ErrorAdvice); someone out of scope gets 404.
 */
@Controller
class StudyHelpController {

  private final StudyHelp help;
  private final StudyHelpPlans plans;
  private final ProgressFile progress;
  private final StudyBuddies buddies;
  private final Audit audit;

  StudyHelpController(StudyHelp help, StudyHelpPlans plans, ProgressFile progress, StudyBuddies buddies, Audit audit) {
    this.help = help;
    this.plans = plans;
    this.progress = progress;
    this.buddies = buddies;
    this.audit = audit;
  }

  @GetMapping("/study-help")
  String mine(Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    model.addAttribute("helped", plans.helpedBy(u.id()));
    java.util.List<StudyHelpPlan> arranged = plans.arrangedBy(u);
    model.addAttribute("arranged", arranged);
    model.addAttribute("names", help.childNames(arranged.stream().map(StudyHelpPlan::getChildId).distinct().toList()));
    return "studyhelp/mine";
  }

  @GetMapping("/children/{id}/study-help")
  String child(@PathVariable long id, Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    Child child = help.visibleChild(u, id);
    audit.read(u.id(), id, null, "study help");
    boolean arranges = StudyHelp.mayArrange(u, child);
    model.addAttribute("child", child);
    model.addAttribute("plans", plans.plansOf(u, id));
    model.addAttribute("buddies", buddies.buddiesOf(u, id));
    model.addAttribute("mayArrange", arranges);
    model.addAttribute("fullAccess", help.seesChild(u, child));
    model.addAttribute("helpers", arranges ? plans.helpers(child) : java.util.List.of());
    model.addAttribute("classmates", arranges ? buddies.classmates(child) : java.util.List.of());
    model.addAttribute("effects", StudyHelp.EFFECTS);
    return "studyhelp/child";
  }

  @PostMapping("/children/{id}/study-help")
  String plan(@PathVariable long id, @RequestParam(required = false) String teacher, @RequestParam(required = false) String subject,
      @RequestParam(required = false) String weeklyTime, @RequestParam(required = false) String content,
      @RequestParam(required = false) String goal, Authentication auth) {
    plans.plan(CurrentUser.of(auth), id, new StudyHelpPlans.PlanForm(teacher, subject, weeklyTime, content, goal));
    return "redirect:/children/" + id + "/study-help?saved";
  }

  @PostMapping("/study-help/{planId}/progress")
  String progress(@PathVariable long planId, @RequestParam(required = false) String date,
      @RequestParam(required = false) String improved, Authentication auth) {
    StudyProgress e = progress.progress(CurrentUser.of(auth), planId, parse(date), improved);
    return "redirect:/children/" + e.getChildId() + "/study-help?saved";
  }

  @PostMapping("/study-help/{planId}/effect")
  String effect(@PathVariable long planId, @RequestParam(required = false) String effect, @RequestParam(required = false) String note,
      @RequestParam(required = false) String back, Authentication auth) {
    progress.checkEffect(CurrentUser.of(auth), planId, effect, note);
    return back(back, "/children/" + plans.childOfPlan(planId) + "/study-help?saved");
  }

  @PostMapping("/study-help/{planId}/end")
  String end(@PathVariable long planId, Authentication auth) {
    plans.end(CurrentUser.of(auth), planId);
    return "redirect:/children/" + plans.childOfPlan(planId) + "/study-help?saved";
  }

  @PostMapping("/children/{id}/study-buddy")
  String buddy(@PathVariable long id, @RequestParam(required = false) Long buddy, Authentication auth) {
    buddies.chooseBuddy(CurrentUser.of(auth), id, buddy);
    return "redirect:/children/" + id + "/study-help?saved";
  }

  @PostMapping("/study-buddies/{buddyId}/effect")
  String rateBuddy(@PathVariable long buddyId, @RequestParam(required = false) String effect, @RequestParam(required = false) String note,
      @RequestParam(required = false) String back, Authentication auth) {
    StudyBuddy b = buddies.rateBuddy(CurrentUser.of(auth), buddyId, effect, note);
    return back(back, "/children/" + b.getChildId() + "/study-help?saved");
  }

  /** Back to the task page the form was on (the term review), or to the study-help page: never elsewhere. */
  private static String back(String back, String otherwise) {
    if (back != null && back.matches("/tasks/[A-Za-z0-9-]{1,64}")) {
      return "redirect:" + back + "?rated";
    }
    return "redirect:" + otherwise;
  }

  private static LocalDate parse(String date) {
    try {
      return date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
