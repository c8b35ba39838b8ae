package org.careflow.setup;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careflow.identity.Accounts;
import org.careflow.identity.CurrentUser;
import org.careflow.school.School;
import org.careflow.school.Teacher;
import org.careflow.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages that keep a school's classes, staff and calendar up to date (coordinators: their schools; administrators: all). */
@Controller
class SetupPagesController {

  private final SchoolMaintenance schools;
  private final ClassMaintenance classChanges;
  private final StaffMaintenance staffChanges;
  private final CalendarMaintenance calendarChanges;
  private final org.careflow.reminders.ReminderContacts contacts;

  SetupPagesController(SchoolMaintenance schools, ClassMaintenance classChanges, StaffMaintenance staffChanges,
      CalendarMaintenance calendarChanges, org.careflow.reminders.ReminderContacts contacts) {
    this.schools = schools;
    this.classChanges = classChanges;
    this.staffChanges = staffChanges;
    this.calendarChanges = calendarChanges;
    this.contacts = contacts;
  }

  /** The school shown: the one asked for, or the user's first. */
  private School school(CurrentUser user, Long schoolId, Model model) {
    List<School> mine = schools.schoolsOf(user);
    if (mine.isEmpty()) {
      throw new NotFoundException("no school to set up");
    }
    School s = schoolId == null ? mine.get(0)
        : mine.stream().filter(x -> x.getId().equals(schoolId)).findFirst().orElseThrow(() -> new NotFoundException("school"));
    model.addAttribute("schools", mine);
    model.addAttribute("school", s);
    return s;
  }

  // -- classes ------------------------------------------------------------------------------------

  @GetMapping("/setup/classes")
  String classes(@RequestParam(value = "school", required = false) Long schoolId, Authentication auth, Model model) {
    CurrentUser user = CurrentUser.of(auth);
    School s = school(user, schoolId, model);
    model.addAttribute("classes", schools.classes(user, s.getId()));
    model.addAttribute("teachers", schools.colleagues(user, s.getId(), null));
    return "setup/classes";
  }

  @PostMapping("/setup/classes")
  String addClass(@RequestParam("school") long schoolId, @RequestParam(value = "name", required = false) String name,
      @RequestParam(value = "grade", required = false) Integer grade,
      @RequestParam(value = "classTeacher", required = false) String classTeacher, Authentication auth) {
    classChanges.addClass(CurrentUser.of(auth), schoolId, name, grade, classTeacher);
    return "redirect:/setup/classes?school=" + schoolId + "&saved";
  }

  @PostMapping("/setup/classes/{id}/name")
  String rename(@PathVariable long id, @RequestParam("school") long schoolId, @RequestParam(value = "name", required = false) String name,
      Authentication auth) {
    classChanges.renameClass(CurrentUser.of(auth), id, name);
    return "redirect:/setup/classes?school=" + schoolId + "&saved";
  }

  @PostMapping("/setup/classes/{id}/teacher")
  String changeTeacher(@PathVariable long id, @RequestParam("school") long schoolId,
      @RequestParam(value = "classTeacher", required = false) String classTeacher, Authentication auth) {
    int moved = classChanges.changeClassTeacher(CurrentUser.of(auth), id, classTeacher);
    return "redirect:/setup/classes?school=" + schoolId + "&moved=" + moved;
  }

  // -- staff --------------------------------------------------------------------------------------

  private String staffPage(CurrentUser user, Long schoolId, Model model) {
    School s = school(user, schoolId, model);
    List<Teacher> staff = schools.staff(user, s.getId());
    Map<String, java.util.Set<String>> roles = new LinkedHashMap<>();
    staff.forEach(t -> roles.put(t.getUsername(), schools.rolesOf(t.getUsername())));
    model.addAttribute("staff", staff);
    model.addAttribute("roles", roles);
    model.addAttribute("allRoles", Accounts.ASSIGNABLE);
    // 企业微信 / 钉钉 user ids (reminders), entered here or in the workbook's 教职工 sheet
    model.addAttribute("platformIds", contacts.of(staff.stream().map(Teacher::getUsername).toList()));
    return "setup/staff";
  }

  @GetMapping("/setup/staff")
  String staff(@RequestParam(value = "school", required = false) Long schoolId, Authentication auth, Model model) {
    return staffPage(CurrentUser.of(auth), schoolId, model);
  }

  @PostMapping("/setup/staff")
  String addStaff(@RequestParam("school") long schoolId, @RequestParam(value = "username", required = false) String username,
      @RequestParam(value = "name", required = false) String name, @RequestParam(value = "phone", required = false) String phone,
      @RequestParam(value = "roles", required = false) List<String> roles,
      @RequestParam(value = "maxMentees", required = false) Integer maxMentees,
      @RequestParam(value = "subject", required = false) String subject, Authentication auth, Model model) {
    CurrentUser user = CurrentUser.of(auth);
    String password = staffChanges.addStaff(user, schoolId, username, name, phone, roles, maxMentees, subject);
    model.addAttribute("newPassword", password);
    model.addAttribute("newPasswordFor", username.strip());
    return staffPage(user, schoolId, model);
  }

  @PostMapping("/setup/staff/{username}/roles")
  String changeRoles(@PathVariable String username, @RequestParam("school") long schoolId,
      @RequestParam(value = "roles", required = false) List<String> roles,
      @RequestParam(value = "maxMentees", required = false) Integer maxMentees, Authentication auth) {
    staffChanges.changeRoles(CurrentUser.of(auth), username, roles, maxMentees);
    return "redirect:/setup/staff?school=" + schoolId + "&saved";
  }

  @PostMapping("/setup/staff/{username}/password")
  String resetPassword(@PathVariable String username, @RequestParam("school") long schoolId, Authentication auth, Model model) {
    CurrentUser user = CurrentUser.of(auth);
    model.addAttribute("newPassword", staffChanges.resetPassword(user, username));
    model.addAttribute("newPasswordFor", username);
    return staffPage(user, schoolId, model);
  }

  @PostMapping("/setup/staff/{username}/leave")
  String leave(@PathVariable String username, @RequestParam("school") long schoolId,
      @RequestParam(value = "successor", required = false) String successor, Authentication auth) {
    StaffMaintenance.Handover h = staffChanges.deactivate(CurrentUser.of(auth), username, successor);
    return "redirect:/setup/staff?school=" + schoolId + "&left=" + username + "&classes=" + h.classes() + "&mentees=" + h.mentees()
        + "&tasks=" + h.tasks();
  }

  // -- calendar -----------------------------------------------------------------------------------

  @GetMapping("/setup/calendar")
  String calendar(@RequestParam(value = "school", required = false) Long schoolId, Authentication auth, Model model) {
    CurrentUser user = CurrentUser.of(auth);
    School s = school(user, schoolId, model);
    model.addAttribute("terms", schools.terms(user, s.getId()));
    model.addAttribute("holidays", schools.holidays(user, s.getId()));
    return "setup/calendar";
  }

  @PostMapping("/setup/calendar")
  String addEntry(@RequestParam("school") long schoolId, @RequestParam(value = "kind", required = false) String kind,
      @RequestParam(value = "name", required = false) String name,
      @RequestParam(value = "start", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
      @RequestParam(value = "end", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end, Authentication auth) {
    calendarChanges.addCalendarEntry(CurrentUser.of(auth), schoolId, kind, name, start, end);
    return "redirect:/setup/calendar?school=" + schoolId + "&saved";
  }

  @PostMapping("/setup/calendar/terms/{id}/meeting-week")
  String meetingWeek(@PathVariable long id, @RequestParam("school") long schoolId,
      @RequestParam(value = "meetingWeek", required = false) Integer week, Authentication auth) {
    calendarChanges.setMeetingWeek(CurrentUser.of(auth), id, week);
    return "redirect:/setup/calendar?school=" + schoolId + "&saved";
  }

  @PostMapping("/setup/calendar/terms/{id}/delete")
  String deleteTerm(@PathVariable long id, @RequestParam("school") long schoolId, Authentication auth) {
    calendarChanges.deleteTerm(CurrentUser.of(auth), id);
    return "redirect:/setup/calendar?school=" + schoolId + "&saved";
  }

  @PostMapping("/setup/calendar/holidays/{id}/delete")
  String deleteHoliday(@PathVariable long id, @RequestParam("school") long schoolId, Authentication auth) {
    calendarChanges.deleteHoliday(CurrentUser.of(auth), id);
    return "redirect:/setup/calendar?school=" + schoolId + "&saved";
  }
}
