package org.careflow.family;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.child.ChildAccess;
import org.careflow.child.ChildArchive;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolDirectory;
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
 * The child's family contact page (亲情联系, linked from the child's page): the call log with a form
 * for the class teacher and the mentor, this week's calls against the expectation, and the weeks
 * since the parents were last reached.
 */
@Controller
class FamilyController {

  private final ChildArchive archive;
  private final CareCases cases;
  private final FamilyCalls calls;
  private final ParentContact contact;
  private final SchoolDirectory schools;
  private final org.careflow.shared.CareClock clock;
  private final org.careflow.identity.Accounts accounts;

  FamilyController(ChildArchive archive, CareCases cases, FamilyCalls calls, ParentContact contact, SchoolDirectory schools,
      org.careflow.shared.CareClock clock, org.careflow.identity.Accounts accounts) {
    this.accounts = accounts;
    this.clock = clock;
    this.archive = archive;
    this.cases = cases;
    this.calls = calls;
    this.contact = contact;
    this.schools = schools;
  }

  @GetMapping("/children/{id}/family")
  String page(@PathVariable long id, Authentication auth, Model model) {
    fill(id, CurrentUser.of(auth), model);
    return "family/family";
  }

  @PostMapping("/children/{id}/family/calls")
  String log(@PathVariable long id, @RequestParam(required = false) String date, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String parent, @RequestParam(required = false) String minutes,
      @RequestParam(required = false) String reached, @RequestParam(required = false) String notes,
      Authentication auth, Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    CurrentUser u = CurrentUser.of(auth);
    Boolean got = "true".equals(reached) ? Boolean.TRUE : "false".equals(reached) ? Boolean.FALSE : null;
    try {
      calls.log(id, u, new FamilyCalls.Entry(parse(date), kind, parent, minutes, got, notes));
      redirect.addFlashAttribute("alsoDone", org.careflow.shared.OpenTasks.answeredInThisRequest());
      return "redirect:/children/" + id + "/family?logged";
    } catch (InvalidInputException e) {
      fill(id, u, model);
      model.addAttribute("errors", e.errors().all());
      model.addAttribute("entry", new FamilyCalls.Entry(parse(date), kind, parent, minutes, got, notes));
      return "family/family";
    }
  }

  @PostMapping("/children/{id}/family/expectation")
  String expect(@PathVariable long id, @RequestParam(required = false) String callsPerWeek, Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    try {
      calls.expect(id, u, callsPerWeek);
      return "redirect:/children/" + id + "/family?saved";
    } catch (InvalidInputException e) {
      fill(id, u, model);
      model.addAttribute("errors", e.errors().all());
      return "family/family";
    }
  }

  private static LocalDate parse(String date) {
    try {
      return date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private void fill(long id, CurrentUser u, Model model) {
    Child child = archive.child(id);
    List<CareCase> childCases = cases.casesOfChild(id);
    if (!ChildAccess.maySee(u, child, childCases)) {
      throw new NotFoundException("child");
    }
    CareCase open = childCases.stream().filter(CareCase::isOpen).findFirst().orElse(null);
    List<FamilyCall> log = calls.callsOf(id);
    model.addAttribute("child", child);
    model.addAttribute("calls", log);
    model.addAttribute("mayWrite", open != null && FamilyCalls.mayWrite(u, child, open));
    model.addAttribute("weeksWithoutContact", contact.weeksWithoutContact(id));
    model.addAttribute("unreachableWeeks", contact.unreachableWeeks());
    model.addAttribute("callsPerWeek", contact.callsPerWeek(id));
    model.addAttribute("callsThisWeek", contact.callsThisWeek(id));
    model.addAttribute("names", accounts.personNames(log.stream().map(FamilyCall::getRecordedBy).distinct().toList()));
    model.addAttribute("phones", phones(child));
    if (!model.containsAttribute("entry")) {
      // today, and nothing else chosen: how the call went is for the teacher to say
      model.addAttribute("entry", new FamilyCalls.Entry(clock.today(), null, null, "", null, ""));
    }
  }

  /** A number to call: who (message code of the role, and the name) and the number. */
  public record Phone(String role, String person, String number, String href) {
    Phone(String role, String person, String number) {
      this(role, person, number, org.careflow.shared.PhoneLinks.href(number));
    }
  }

  private static List<Phone> phones(Child c) {
    List<Phone> out = new java.util.ArrayList<>();
    if (c.getFatherPhone() != null && !c.getFatherPhone().isBlank()) {
      out.add(new Phone("archive.father", c.getFatherName(), c.getFatherPhone()));
    }
    if (c.getMotherPhone() != null && !c.getMotherPhone().isBlank()) {
      out.add(new Phone("archive.mother", c.getMotherName(), c.getMotherPhone()));
    }
    if (c.getGuardianPhone() != null && !c.getGuardianPhone().isBlank()) {
      out.add(new Phone("archive.guardian", c.getGuardianName(), c.getGuardianPhone()));
    }
    return out;
  }
}
