package org.careflow.counselling;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The child's counselling page ({@code /children/{id}/counselling}: the records as the reader may see them, the
 * counsellor's form, the referral form), and the counsellor's list ({@code /counselling}).
 */
@Controller
class CounsellingController {

  private final Counselling counselling;
  private final SchoolDirectory schools;
  private final org.careflow.shared.CareClock clock;

  CounsellingController(Counselling counselling, SchoolDirectory schools, org.careflow.shared.CareClock clock) {
    this.counselling = counselling;
    this.schools = schools;
    this.clock = clock;
  }

  @GetMapping("/children/{id}/counselling")
  String page(@PathVariable long id, Authentication auth, Model model) {
    Counselling.ChildCounselling view = counselling.forChild(id, CurrentUser.of(auth));
    model.addAttribute("view", view);
    model.addAttribute("child", view.child());
    model.addAttribute("today", clock.today());
    model.addAttribute("names", schools.teacherNames(view.sessions().stream().map(Counselling.SessionView::counsellor).distinct().toList()));
    return "counselling/child";
  }

  @PostMapping("/children/{id}/counselling/sessions")
  String record(@PathVariable long id, @RequestParam(required = false) String date, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String whatWasDone, @RequestParam(required = false) String followUp,
      @RequestParam(required = false) String sharedSummary, Authentication auth) {
    counselling.record(id, CurrentUser.of(auth), new Counselling.Entry(parse(date), reason, whatWasDone, followUp, sharedSummary));
    return "redirect:/children/" + id + "/counselling?recorded";
  }

  @PostMapping("/children/{id}/counselling/referrals")
  String refer(@PathVariable long id, @RequestParam(required = false) String reason, Authentication auth) {
    counselling.refer(id, CurrentUser.of(auth), reason, "CHILD_PAGE");
    return "redirect:/children/" + id + "/counselling?referred";
  }

  @GetMapping("/counselling")
  String list(Authentication auth, Model model) {
    Counselling.CounsellorList list = counselling.listFor(CurrentUser.of(auth));
    model.addAttribute("list", list);
    return "counselling/list";
  }

  private static LocalDate parse(String date) {
    try {
      return date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
