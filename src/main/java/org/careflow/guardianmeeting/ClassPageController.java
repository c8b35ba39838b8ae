package org.careflow.guardianmeeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /classes/{id}}: a class's page, for its class teacher, the coordinators of its school and the
 * administrators: the class's guardian meetings term by term, and a button to start one. The term's own
 * meeting starts by itself with the class's first case of the term; a second one is started here only
 * on purpose, with a reason, and audited.
 */
@Controller
class ClassPageController {

  private final SchoolDirectory schools;
  private final GuardianMeetings meetings;
  private final TermCalendar calendar;
  private final CareClock clock;

  ClassPageController(SchoolDirectory schools, GuardianMeetings meetings, TermCalendar calendar, CareClock clock) {
    this.schools = schools;
    this.meetings = meetings;
    this.calendar = calendar;
    this.clock = clock;
  }

  private List<org.careflow.shared.PageSections> sections = List.of();

  /** Sections other modules add to the class's page (the study buddies). */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setSections(List<org.careflow.shared.PageSections> sections) {
    this.sections = sections;
  }

  private void sections(long classId, CurrentUser u, Model model) {
    org.careflow.shared.PageSections.Viewer viewer = new org.careflow.shared.PageSections.Viewer(u.id(), u.roles());
    model.addAttribute("sections", sections.stream().flatMap(s -> s.classSections(classId, viewer).stream()).toList());
  }

  public record MeetingRow(long id, String termName, int ordinal, java.time.LocalDate meetingDate, boolean held, String reason) {}

  /** The class, if this user may see its page: others get the same 404 as for a class that does not exist. */
  private SchoolClass classFor(long classId, CurrentUser u) {
    SchoolClass c;
    try {
      c = schools.schoolClass(classId);
    } catch (RuntimeException e) {
      throw new NotFoundException("class");
    }
    boolean coordinator = u.has(Roles.COORDINATOR) && u.seesSchool(c.getSchool().getId());
    if (!(u.isAdmin() || coordinator || u.id().equals(c.getClassTeacher()))) {
      throw new NotFoundException("class");
    }
    return c;
  }

  @GetMapping("/classes/{id}")
  String page(@PathVariable long id, Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    fill(classFor(id, u), model);
    sections(id, u, model);
    return "guardianmeeting/class";
  }

  @PostMapping("/classes/{id}/meetings")
  String start(@PathVariable long id, @RequestParam(required = false) String reason, Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    SchoolClass c = classFor(id, u);
    try {
      long meetingId = meetings.startForClass(c.getId(), u.id(), reason);
      return "redirect:/classes/" + c.getId() + "?started=" + meetingId;
    } catch (InvalidInputException e) {
      fill(c, model);
      sections(c.getId(), u, model);
      model.addAttribute("errors", e.errors().all());
      model.addAttribute("reason", reason);
      return "guardianmeeting/class";
    }
  }

  private void fill(SchoolClass c, Model model) {
    model.addAttribute("schoolClass", c);
    model.addAttribute("classTeacher", schools.teacherName(c.getClassTeacher()));
    Term current = null;
    try {
      current = calendar.termOn(c.getSchool().getId(), clock.today());
    } catch (TermCalendar.NoTermException e) {
      // no term in the calendar: nothing can be started until the coordinator enters one
    }
    List<MeetingRow> rows = new ArrayList<>();
    boolean hasThisTerms = false;
    Map<Long, String> termNames = new java.util.HashMap<>();
    for (GuardianMeeting m : meetings.meetingsOf(c.getId())) {
      String name = termNames.computeIfAbsent(m.getTermId(), t -> calendar.term(t).getName());
      rows.add(new MeetingRow(m.getId(), name, m.getOrdinal(), m.getMeetingDate(), m.getHeldAt() != null, m.getReason()));
      hasThisTerms |= current != null && m.getTermId().equals(current.getId());
    }
    model.addAttribute("term", current);
    model.addAttribute("meetings", rows);
    model.addAttribute("hasThisTerms", hasThisTerms);
  }
}
