package org.careflow.myclass;

import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /classes/mine} (a class teacher's classes; a mentor's mentees below them), {@code /mentees/mine}
 * (the mentees alone) and {@code /start}, where sign-in lands: supervisors on the dashboard, a teacher or
 * mentor with no task on their class, everyone else on the inbox.
 */
@Controller
class MyClassController {

  private final MyClass myClass;

  MyClassController(MyClass myClass) {
    this.myClass = myClass;
  }

  @GetMapping("/classes/mine")
  String classes(Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    model.addAttribute("classes", myClass.classes(u));
    model.addAttribute("mentees", u.has(Roles.MENTOR) ? myClass.mentees(u) : java.util.List.of());
    model.addAttribute("menteesOnly", false);
    return "myclass/mine";
  }

  @GetMapping("/mentees/mine")
  String mentees(Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    model.addAttribute("classes", java.util.List.of());
    model.addAttribute("mentees", myClass.mentees(u));
    model.addAttribute("menteesOnly", true);
    return "myclass/mine";
  }

  @GetMapping("/start")
  String start(Authentication auth) {
    CurrentUser u = CurrentUser.of(auth);
    boolean teaches = u.has(Roles.TEACHER) || u.has(Roles.MENTOR);
    if (u.has(Roles.SUPERVISOR)) {
      return "redirect:/oversight";
    }
    if (teaches && !myClass.hasTasks(u)) {
      return u.has(Roles.TEACHER) ? "redirect:/classes/mine" : "redirect:/mentees/mine";
    }
    return "redirect:/";
  }
}
