package org.careflow.talk;

import java.util.HashMap;
import java.util.Map;
import org.careflow.identity.CurrentUser;
import org.careflow.shared.InvalidInputException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mentor's catch-up of overdue weekly check-ins of one mentee ({@link CheckInCatchUp}). */
@Controller
class CheckInCatchUpController {

  private final CheckInCatchUp catchUp;

  CheckInCatchUpController(CheckInCatchUp catchUp) {
    this.catchUp = catchUp;
  }

  @GetMapping("/children/{id}/check-ins")
  String page(@PathVariable long id, Authentication auth, Model model) {
    model.addAttribute("catchUp", catchUp.weeks(id, CurrentUser.of(auth)));
    if (!model.containsAttribute("values")) {
      model.addAttribute("values", Map.of());
    }
    return "talk/catch-up";
  }

  @PostMapping("/children/{id}/check-ins")
  String close(@PathVariable long id, @RequestParam Map<String, String> params, Authentication auth, Model model,
      RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
    Map<String, String> values = new HashMap<>(params);
    values.remove("_csrf");
    CurrentUser u = CurrentUser.of(auth);
    try {
      int[] done = catchUp.close(id, u, values);
      redirect.addFlashAttribute("late", done[0]);
      redirect.addFlashAttribute("missed", done[1]);
      return "redirect:/children/" + id + "/check-ins?saved";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      model.addAttribute("errors", e.errors().all());
      model.addAttribute("values", values);
      model.addAttribute("catchUp", catchUp.weeks(id, u));
      return "talk/catch-up";
    }
  }
}
