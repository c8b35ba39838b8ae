package org.careflow.reminders;

import java.util.List;
import java.util.Map;
import org.careflow.identity.CurrentUser;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /admin/reminders (administrators): a school's 企业微信 application and 钉钉 robots, and the messages that
 * failed with the platform's error. A secret is typed once: the page only ever says whether one is set.
 */
@Controller
class ReminderAdminController {

  private final Channels channels;
  private final Outbox outbox;
  private final ReminderService reminders;
  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final SecretBox box;
  private final org.careflow.shared.CareClock clock;
  private final org.careflow.identity.Accounts accounts;

  ReminderAdminController(Channels channels, Outbox outbox, ReminderService reminders, SchoolRepository schools,
      SchoolClassRepository classes, SecretBox box, org.careflow.shared.CareClock clock,
      org.careflow.identity.Accounts accounts) {
    this.accounts = accounts;
    this.clock = clock;
    this.channels = channels;
    this.outbox = outbox;
    this.reminders = reminders;
    this.schools = schools;
    this.classes = classes;
    this.box = box;
  }

  private static void admin(Authentication auth) {
    if (!CurrentUser.of(auth).isAdmin()) {
      throw new AccessDeniedException("administrators only");
    }
  }

  @GetMapping("/admin/reminders")
  String page(@RequestParam(value = "school", required = false) Long schoolId, Authentication auth, Model model) {
    admin(auth);
    List<School> all = schools.findAll(org.springframework.data.domain.Sort.by("name"));
    if (all.isEmpty()) {
      throw new NotFoundException("no school");
    }
    School s = schoolId == null ? all.get(0) : all.stream().filter(x -> x.getId().equals(schoolId)).findFirst()
        .orElseThrow(() -> new NotFoundException("school"));
    List<SchoolClass> cls = classes.findBySchoolIdOrderByGradeAscNameAsc(s.getId());
    Map<Long, Channels.ClassRobotView> robots = new java.util.HashMap<>();
    channels.classRobots(s.getId()).forEach(r -> robots.put(r.classId(), r));
    model.addAttribute("schools", all);
    model.addAttribute("school", s);
    model.addAttribute("channel", channels.view(s.getId()));
    model.addAttribute("classes", cls);
    model.addAttribute("robots", robots);
    model.addAttribute("keyReady", box.ready());
    List<Outbox.Row> troubles = outbox.troubles(100);
    Map<String, String> to = new java.util.HashMap<>();
    for (Outbox.Row m : troubles) {
      String[] t = m.target().split(":", 2);
      to.computeIfAbsent(m.target(), k -> switch (t[0]) {
        case "user" -> accounts.personName(t[1]);
        case "class" -> classes.findById(Long.parseLong(t[1])).map(SchoolClass::getName).orElse("-");
        default -> schools.findById(Long.parseLong(t[1])).map(School::getName).orElse("-");
      });
    }
    model.addAttribute("troubles", troubles);
    model.addAttribute("to", to);
    model.addAttribute("today", reminders.report(clock.today()));
    return "reminders/admin";
  }

  @PostMapping("/admin/reminders")
  String save(@RequestParam("school") long schoolId, @RequestParam(value = "corpId", required = false) String corpId,
      @RequestParam(value = "agentId", required = false) String agentId, @RequestParam(value = "secret", required = false) String secret,
      @RequestParam(value = "webhook", required = false) String webhook, @RequestParam(value = "robotSecret", required = false) String robotSecret,
      @RequestParam(value = "clearWecom", defaultValue = "false") boolean clearWecom,
      @RequestParam(value = "clearRobot", defaultValue = "false") boolean clearRobot, Authentication auth) {
    admin(auth);
    schools.findById(schoolId).orElseThrow(() -> new NotFoundException("school"));
    channels.saveSchool(schoolId, corpId, agentId, secret, webhook, robotSecret, clearWecom, clearRobot, auth.getName());
    return "redirect:/admin/reminders?school=" + schoolId + "&saved";
  }

  @PostMapping("/admin/reminders/classes/{id}")
  String saveClass(@PathVariable long id, @RequestParam(value = "webhook", required = false) String webhook,
      @RequestParam(value = "robotSecret", required = false) String robotSecret, Authentication auth) {
    admin(auth);
    SchoolClass c = classes.findById(id).orElseThrow(() -> new NotFoundException("class"));
    channels.saveClassRobot(id, c.getSchool().getId(), webhook, robotSecret, auth.getName());
    return "redirect:/admin/reminders?school=" + c.getSchool().getId() + "&saved";
  }

  /** The page's "send now": as {@code POST /api/admin/digest/send}. */
  @PostMapping("/admin/reminders/send")
  String sendNow(@RequestParam(value = "school", required = false) Long schoolId, Authentication auth) {
    admin(auth);
    reminders.sendNow();
    return "redirect:/admin/reminders?" + (schoolId == null ? "" : "school=" + schoolId + "&") + "sent";
  }

  @PostMapping("/admin/reminders/messages/{id}/retry")
  String retry(@PathVariable long id, @RequestParam(value = "school", required = false) Long schoolId, Authentication auth) {
    admin(auth);
    outbox.retry(id);
    return "redirect:/admin/reminders" + (schoolId == null ? "" : "?school=" + schoolId);
  }
}
