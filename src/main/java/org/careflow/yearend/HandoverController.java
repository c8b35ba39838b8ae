package org.careflow.yearend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.SchoolRepository;
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
 * {@code /handover}: for coordinators, the year-end promotion of classes in bulk; for class teachers,
 * their handover notes on each child of their classes, which the new teacher reads on the child's page.
 */
@Controller
class HandoverController {

  private final YearEndHandover handover;
  private final SchoolDirectory schools;
  private final SchoolRepository schoolRepository;
  private final SchoolClassRepository classes;
  private final CareCases cases;

  HandoverController(YearEndHandover handover, SchoolDirectory schools, SchoolRepository schoolRepository,
      SchoolClassRepository classes, CareCases cases) {
    this.handover = handover;
    this.schools = schools;
    this.schoolRepository = schoolRepository;
    this.classes = classes;
    this.cases = cases;
  }

  private static boolean coordinates(CurrentUser u) {
    return u.has(Roles.COORDINATOR) || u.isAdmin();
  }

  /** The coordinator's school: the one they look after, their own, or (an administrator without one) the first. */
  private School school(CurrentUser u) {
    return UserSchool.of(u, schools, schoolRepository);
  }

  public record ClassRow(SchoolClass schoolClass, String proposedName, long openCases, boolean graduates) {}

  public record ChildRow(long childId, String name, String note) {}

  @GetMapping("/handover")
  String page(Authentication auth, Model model) {
    fill(CurrentUser.of(auth), model, Map.of());
    return "yearend/handover";
  }

  private void fill(CurrentUser u, Model model, Map<String, List<String>> posted) {
    model.addAttribute("coordinates", coordinates(u));
    model.addAttribute("topGrade", handover.topGrade());
    if (coordinates(u)) {
      School s = school(u);
      List<ClassRow> rows = new ArrayList<>();
      for (SchoolClass c : classes.findBySchoolIdOrderByGradeAscNameAsc(s.getId())) {
        if (c.getName().contains("届毕业")) {
          continue; // graduated classes stay for the history, out of the list
        }
        String proposed = YearEndHandover.nextName(c.getName());
        rows.add(new ClassRow(c, proposed == null ? "" : proposed, cases.openCasesOfClass(c.getId()).size(), c.getGrade() >= handover.topGrade()));
      }
      model.addAttribute("classRows", rows);
      model.addAttribute("teachers", handover.classTeacherChoices(s.getId()));
    }
    Map<String, List<ChildRow>> mine = new LinkedHashMap<>();
    for (SchoolClass c : classes.findByClassTeacherOrderByName(u.id())) {
      Map<Long, String> notes = handover.pendingNotes(c.getId());
      List<ChildRow> kids = new ArrayList<>();
      for (CareCase cc : cases.openCasesOfClass(c.getId())) {
        kids.add(new ChildRow(cc.getChild().getId(), cc.getChild().getName(), notes.get(cc.getChild().getId())));
      }
      mine.put(c.getName(), kids);
    }
    model.addAttribute("myClasses", mine);
    model.addAttribute("posted", posted);
  }

  @PostMapping("/handover")
  String promote(@RequestParam Map<String, String> params, @RequestParam(name = "promote", required = false) List<Long> chosen,
      Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    if (!coordinates(u)) {
      throw new NotFoundException("handover");
    }
    List<YearEndHandover.Plan> plans = new ArrayList<>();
    for (Long id : chosen == null ? List.<Long>of() : chosen) {
      plans.add(new YearEndHandover.Plan(id, params.get("name-" + id), params.get("teacher-" + id)));
    }
    try {
      if (!"yes".equals(params.get("confirm"))) {
        // first the confirmation step: what will happen, class by class; nothing written yet
        handover.check(school(u).getId(), plans);
        fill(u, model, Map.of());
        model.addAttribute("confirming", confirmation(school(u).getId(), plans));
        return "yearend/handover";
      }
      YearEndHandover.Result r = handover.promote(school(u).getId(), plans, u.id());
      return "redirect:/handover?promoted=" + r.promoted() + "&graduated=" + r.graduated() + "&moved=" + r.tasksMoved();
    } catch (InvalidInputException e) {
      Map<String, List<String>> posted = new LinkedHashMap<>();
      params.forEach((k, v) -> posted.put(k, List.of(v)));
      posted.put("promote", chosen == null ? List.of() : chosen.stream().map(String::valueOf).toList());
      fill(u, model, posted);
      model.addAttribute("errors", e.errors().all());
      return "yearend/handover";
    }
  }

  /** One class in the confirmation step: what it is now, what it becomes, who takes it, how many children go along. */
  public record Step(long classId, String name, String newName, String newTeacher, String newTeacherName, long openCases, boolean graduates) {}

  private List<Step> confirmation(long schoolId, List<YearEndHandover.Plan> plans) {
    Map<String, String> names = new java.util.HashMap<>();
    handover.classTeacherChoices(schoolId).forEach(t -> names.put(t.getUsername(), t.getName()));
    List<Step> out = new ArrayList<>();
    for (YearEndHandover.Plan p : plans) {
      SchoolClass c = classes.findById(p.classId()).orElseThrow();
      boolean graduates = c.getGrade() >= handover.topGrade();
      String teacher = graduates ? null : p.newTeacher();
      out.add(new Step(c.getId(), c.getName(), graduates ? null : p.newName().strip(), teacher,
          teacher == null ? null : names.getOrDefault(teacher, schools.teacherName(teacher)), cases.openCasesOfClass(c.getId()).size(), graduates));
    }
    return out;
  }

  @PostMapping("/handover/notes/{childId}")
  String note(@PathVariable long childId, @RequestParam(required = false) String note, Authentication auth) {
    handover.writeNote(childId, CurrentUser.of(auth).id(), note);
    return "redirect:/handover?noted#child-" + childId;
  }
}
