package org.careflow.identity;

import org.careflow.shared.SchoolSeeding;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

  private final SchoolSeeding seeding;

  LoginController(SchoolSeeding seeding) {
    this.seeding = seeding;
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("seeding", seeding.running());
    return "identity/login";
  }
}
