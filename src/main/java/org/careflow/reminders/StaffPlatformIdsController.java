package org.careflow.reminders;

import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Teacher;
import org.careflow.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * On the staff page (/setup/staff: coordinators for their schools, administrators for all): a colleague's
 * 企业微信 and 钉钉 user ids. A colleague of another school is "not found", as on the rest of that page.
 */
@Controller
class StaffPlatformIdsController {

  private final ReminderContacts contacts;
  private final SchoolDirectory schools;

  StaffPlatformIdsController(ReminderContacts contacts, SchoolDirectory schools) {
    this.contacts = contacts;
    this.schools = schools;
  }

  @PostMapping("/setup/staff/{username}/platform-ids")
  String save(@PathVariable String username, @RequestParam("school") long schoolId,
      @RequestParam(value = "wecomUserId", required = false) String wecomUserId,
      @RequestParam(value = "dingtalkUserId", required = false) String dingtalkUserId, Authentication auth) {
    CurrentUser user = CurrentUser.of(auth);
    Teacher t = schools.teacher(username).orElseThrow(() -> new NotFoundException("staff"));
    long theirs = t.getSchool().getId();
    if (!user.isAdmin() && !user.seesSchool(theirs)) {
      throw new NotFoundException("staff");
    }
    contacts.link(username, wecomUserId, dingtalkUserId);
    return "redirect:/setup/staff?school=" + schoolId + "&saved";
  }
}
