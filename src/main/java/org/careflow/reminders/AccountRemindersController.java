package org.careflow.reminders;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /account/reminders: a signed-in person sees which platforms they are linked to and chooses which they want messages on. */
@Controller
class AccountRemindersController {

  private final ReminderContacts contacts;

  AccountRemindersController(ReminderContacts contacts) {
    this.contacts = contacts;
  }

  @GetMapping("/account/reminders")
  String page(Authentication auth, Model model) {
    model.addAttribute("person", contacts.of(auth.getName()));
    return "reminders/account";
  }

  @PostMapping("/account/reminders")
  String save(@RequestParam(value = "wecom", defaultValue = "false") boolean wecom,
      @RequestParam(value = "dingtalk", defaultValue = "false") boolean dingtalk, Authentication auth) {
    ReminderContacts.Person p = contacts.of(auth.getName());
    // a platform not linked yet keeps its choice (its box cannot be ticked)
    contacts.choose(auth.getName(), p.wecomUserId() == null ? p.wecomOn() : wecom, p.dingtalkUserId() == null ? p.dingtalkOn() : dingtalk);
    return "redirect:/account/reminders?saved";
  }
}
