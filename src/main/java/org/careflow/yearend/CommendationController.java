package org.careflow.yearend;

import java.util.List;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.careflow.shared.CareClock;
import org.careflow.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /commendation}: the supervisor's term-end selection of outstanding children and the mentors' scores (篇29). */
@Controller
class CommendationController {

  private final Commendations commendations;
  private final TermRepository terms;
  private final SchoolRepository schoolRepository;
  private final SchoolDirectory schools;
  private final CareClock clock;

  CommendationController(Commendations commendations, TermRepository terms, SchoolRepository schoolRepository,
      SchoolDirectory schools, CareClock clock) {
    this.commendations = commendations;
    this.terms = terms;
    this.schoolRepository = schoolRepository;
    this.schools = schools;
    this.clock = clock;
  }

  private static void check(CurrentUser u) {
    if (!(u.has(Roles.SUPERVISOR) || u.isAdmin())) {
      throw new NotFoundException("commendation");
    }
  }

  private List<Term> termsOf(CurrentUser u) {
    School s = UserSchool.of(u, schools, schoolRepository);
    return terms.findBySchoolIdOrderByStartDate(s.getId());
  }

  @GetMapping("/commendation")
  String page(@RequestParam(required = false) Long term, Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    check(u);
    List<Term> all = termsOf(u);
    // the default: the latest term that has begun (at term end, the one just reviewed)
    Term chosen = all.stream().filter(t -> term != null ? t.getId().equals(term) : !t.getStartDate().isAfter(clock.today()))
        .reduce((a, b) -> b).orElseThrow(() -> new NotFoundException("term"));
    List<Commendations.Row> rows = commendations.rows(chosen.getId());
    model.addAttribute("terms", all);
    model.addAttribute("term", chosen);
    model.addAttribute("rows", rows);
    List<Commendations.TeacherScore> mentors = Commendations.mentorScores(rows);
    List<Commendations.TeacherScore> classTeachers = Commendations.classTeacherScores(rows);
    model.addAttribute("mentorScores", mentors);
    model.addAttribute("classTeacherScores", classTeachers);
    java.util.Set<String> people = new java.util.HashSet<>();
    mentors.forEach(m -> people.add(m.teacher()));
    classTeachers.forEach(m -> people.add(m.teacher()));
    model.addAttribute("names", schools.teacherNames(people));
    return "yearend/commendation";
  }

  @PostMapping("/commendation")
  String decide(@RequestParam long term, @RequestParam(required = false) List<Long> outstanding,
      @RequestParam(required = false) List<Long> merit, @RequestParam(required = false) List<Long> misconduct, Authentication auth) {
    CurrentUser u = CurrentUser.of(auth);
    check(u);
    if (termsOf(u).stream().noneMatch(t -> t.getId().equals(term))) {
      throw new NotFoundException("term");
    }
    commendations.decide(term, orNone(outstanding), orNone(merit), orNone(misconduct), u.id());
    return "redirect:/commendation?term=" + term + "&saved";
  }

  private static List<Long> orNone(List<Long> ids) {
    return ids == null ? List.of() : ids;
  }
}
