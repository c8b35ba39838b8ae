package org.careflow.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "identity/login";
  }
}
