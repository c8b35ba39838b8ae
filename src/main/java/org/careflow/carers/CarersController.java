package org.careflow.carers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.school.SchoolDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /carers}: the register of carers who are not teachers (list, add, edit, assign children) and the
 * class teacher's record of a carer's visit or call ({@code POST /children/{id}/carer-contacts}, from the child's
 * page). Bad input answers 422 with what is wrong, in the user's language, and writes nothing; a carer or child
 * of another school answers 404. Reading the children a carer looks after is audited.
 */
@Controller
class CarersController {

  private final Carers carers;
  private final CarerAccess access;
  private final CarerAssignments assignments;
  private final CarerVisits visits;
  private final SchoolDirectory schools;
  private final Audit audit;
  private final org.careflow.school.SchoolRepository schoolRepository;

  CarersController(Carers carers, CarerAccess access, CarerAssignments assignments, CarerVisits visits, SchoolDirectory schools, Audit audit,
      org.careflow.school.SchoolRepository schoolRepository) {
    this.schoolRepository = schoolRepository;
    this.carers = carers;
    this.access = access;
    this.assignments = assignments;
    this.visits = visits;
    this.schools = schools;
    this.audit = audit;
  }

  @GetMapping("/carers")
  String list(Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    List<Carers.Row> rows = carers.register(u);
    rows.forEach(r -> r.children().forEach(c -> audit.read(u.id(), c.id(), null, "carer register")));
    Set<Long> kept = access.keptSchools(u);
    model.addAttribute("rows", rows);
    model.addAttribute("schools", schoolRepository.findAllById(kept));
    model.addAttribute("mayAdd", !kept.isEmpty());
    model.addAttribute("roles", Carers.ROLES);
    model.addAttribute("backgrounds", Carers.BACKGROUNDS);
    return "carers/list";
  }

  @PostMapping("/carers")
  String add(@RequestParam(required = false) Long school, @RequestParam(required = false) String name,
      @RequestParam(required = false) String phone, @RequestParam(required = false) String role,
      @RequestParam(required = false) String background, @RequestParam(required = false) String note, Authentication auth) {
    Carer c = carers.save(CurrentUser.of(auth), null, new Carers.Form(school, name, phone, role, background, note));
    return "redirect:/carers/" + c.getId() + "?saved";
  }

  @GetMapping("/carers/{id}")
  String carer(@PathVariable long id, Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    Carers.Row row = carers.row(u, id);
    row.children().forEach(c -> audit.read(u.id(), c.id(), null, "carer " + id));
    model.addAttribute("row", row);
    model.addAttribute("assignable", row.mayEdit() ? assignments.assignable(u, row.carer().getSchoolId()).stream()
        .filter(c -> row.children().stream().noneMatch(k -> k.id() == c.id())).toList() : List.of());
    model.addAttribute("followUps", row.mayEdit() ? carers.followUpsOf(id) : List.of());
    model.addAttribute("askers", schools.teacherNames(carers.followUpsOf(id).stream().map(CarerFollowUp::getAskedBy).distinct().toList()));
    model.addAttribute("roles", Carers.ROLES);
    model.addAttribute("backgrounds", Carers.BACKGROUNDS);
    return "carers/carer";
  }

  @PostMapping("/carers/{id}")
  String edit(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
      @RequestParam(required = false) String role, @RequestParam(required = false) String background,
      @RequestParam(required = false) String note, Authentication auth) {
    carers.save(CurrentUser.of(auth), id, new Carers.Form(null, name, phone, role, background, note));
    return "redirect:/carers/" + id + "?saved";
  }

  @PostMapping("/carers/{id}/active")
  String active(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active, Authentication auth) {
    carers.setActive(CurrentUser.of(auth), id, active);
    return "redirect:/carers/" + id + "?saved";
  }

  @PostMapping("/carers/{id}/children")
  String assign(@PathVariable long id, @RequestParam(required = false) Long child, Authentication auth) {
    assignments.assign(CurrentUser.of(auth), id, child);
    return "redirect:/carers/" + id + "?saved";
  }

  @PostMapping("/carers/{id}/children/{childId}/remove")
  String unassign(@PathVariable long id, @PathVariable long childId, Authentication auth) {
    assignments.unassign(CurrentUser.of(auth), id, childId);
    return "redirect:/carers/" + id + "?saved";
  }

  @PostMapping("/children/{id}/carer-contacts")
  String contact(@PathVariable long id, @RequestParam(required = false) Long carer, @RequestParam(required = false) String date,
      @RequestParam(required = false) String kind, @RequestParam(required = false) String notes, Authentication auth) {
    visits.recordContact(CurrentUser.of(auth), id, carer, parse(date), kind, notes);
    return "redirect:/children/" + id + "?carerContact#carers";
  }

  private static LocalDate parse(String date) {
    try {
      return date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
