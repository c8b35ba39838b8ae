package org.careflow.enrolment;

import java.util.List;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
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
 * Enrols a child from the class roster (name and class; the archive follows in the class teacher's
 * registration task, after the guardian's consent), and closes a case early.
 */
@Controller
class EnrolmentController {

  private final CaseLifecycle lifecycle;
  private final SchoolClassRepository classes;
  private final CareCases cases;

  EnrolmentController(CaseLifecycle lifecycle, SchoolClassRepository classes, CareCases cases) {
    this.lifecycle = lifecycle;
    this.classes = classes;
    this.cases = cases;
  }

  /** Class teachers enrol into their own classes; coordinators into their schools' classes; admins into any. */
  private List<SchoolClass> classesFor(CurrentUser u) {
    if (u.isAdmin()) {
      return classes.findAll(org.springframework.data.domain.Sort.by("grade", "name"));
    }
    List<SchoolClass> own = classes.findByClassTeacherOrderByName(u.id());
    if (!u.has(Roles.COORDINATOR) || u.schools().isEmpty()) {
      return own;
    }
    java.util.Set<SchoolClass> all = new java.util.LinkedHashSet<>(own);
    classes.findAll(org.springframework.data.domain.Sort.by("grade", "name")).stream()
        .filter(c -> u.schools().contains(c.getSchool().getId())).forEach(all::add);
    return List.copyOf(all);
  }

  @GetMapping("/enrol")
  String form(Authentication auth, Model model) {
    model.addAttribute("classes", classesFor(CurrentUser.of(auth)));
    return "enrolment/enrol";
  }

  @PostMapping("/enrol")
  String enrol(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long classId,
      Authentication auth, Model model, jakarta.servlet.http.HttpServletResponse response) {
    CurrentUser u = CurrentUser.of(auth);
    List<SchoolClass> allowed = classesFor(u);
    try {
      if (classId == null || allowed.stream().noneMatch(c -> c.getId().equals(classId))) {
        throw InvalidInputException.of("classId", "validation.option");
      }
      CareCase c = lifecycle.enrol(name, classId, u.id());
      return "redirect:/children/" + c.getChild().getId() + "?enrolled";
    } catch (InvalidInputException e) {
      response.setStatus(422); // the form again, with what is wrong: nothing was written
      model.addAttribute("classes", allowed);
      model.addAttribute("name", name);
      model.addAttribute("classId", classId);
      model.addAttribute("errors", e.errors().all());
      return "enrolment/enrol";
    }
  }

  @PostMapping("/cases/{caseId}/close")
  @org.springframework.transaction.annotation.Transactional
  String close(@PathVariable long caseId, @RequestParam(defaultValue = "") String reason,
      @RequestParam(required = false) String note, @RequestParam long childId, Authentication auth) {
    CurrentUser u = CurrentUser.of(auth);
    if (!(u.has(Roles.COORDINATOR) || u.has(Roles.SUPERVISOR) || u.isAdmin())) {
      throw new NotFoundException("case");
    }
    CareCase c = cases.careCase(caseId);
    if (!u.seesSchool(c.getChild().getSchoolClass().getSchool().getId())) {
      throw new NotFoundException("case"); // another school's case: as if it did not exist
    }
    lifecycle.close(caseId, reason, note == null || note.isBlank() ? null : note.strip(), u.id());
    return "redirect:/children/" + childId;
  }
}
