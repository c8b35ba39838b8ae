package org.careflow.classplan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.school.TermRepository;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /reports/class-plans?term=}: every class's help plan and summary of a term, for the people who look
 * after whole schools (supervisors, coordinators, counsellors: their schools; administrators: every school),
 * reached from {@code /reports}. A term of one school stands for the term of the same name of the others;
 * none given: the term each school is in. Others get 403; a term outside their schools, the field's error.
 */
@Controller
class ClassPlansController {

  private final ClassTermPapers papers;
  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TermRepository terms;
  private final TermCalendar calendar;
  private final CareClock clock;
  private final Audit audit;

  ClassPlansController(ClassTermPapers papers, SchoolRepository schools, SchoolClassRepository classes, TermRepository terms,
      TermCalendar calendar, CareClock clock, Audit audit) {
    this.papers = papers;
    this.schools = schools;
    this.classes = classes;
    this.terms = terms;
    this.calendar = calendar;
    this.clock = clock;
    this.audit = audit;
  }

  public record ClassRow(long classId, String className, String classTeacher, ClassTermPapers.Papers papers) {}

  public record SchoolRows(long schoolId, String schoolName, String termName, List<ClassRow> classes) {}

  @GetMapping("/reports/class-plans")
  @Transactional(readOnly = true)
  String page(@RequestParam(required = false) Long term, Authentication auth, Model model) {
    CurrentUser u = CurrentUser.of(auth);
    if (!u.seesWholeSchool()) {
      throw new org.springframework.security.access.AccessDeniedException("the class plans are the whole school's"); // 403
    }
    List<School> scope = new ArrayList<>(schools.findAll().stream().filter(s -> u.seesSchool(s.getId())).toList());
    scope.sort(Comparator.comparing(School::getId));
    String termName = null;
    if (term != null) {
      Optional<Term> t = terms.findById(term);
      if (t.isEmpty() || scope.stream().noneMatch(s -> s.getId().equals(t.get().getSchool().getId()))) {
        throw InvalidInputException.of("term", "validation.option");
      }
      termName = t.get().getName();
    }
    Locale l = LocaleContextHolder.getLocale();
    List<SchoolRows> rows = new ArrayList<>();
    Map<Long, String> choices = new LinkedHashMap<>();
    for (School s : scope) {
      terms.findBySchoolIdOrderByStartDate(s.getId()).forEach(t -> choices.put(t.getId(), s.getName() + " · " + t.getName()));
      Term t = termName == null ? current(s.getId()) : terms.findBySchoolIdAndName(s.getId(), termName).orElse(null);
      if (t == null) {
        continue;
      }
      List<ClassRow> list = new ArrayList<>();
      for (SchoolClass c : classes.findBySchoolIdOrderByGradeAscNameAsc(s.getId())) {
        ClassTermPapers.Papers p = papers.papers(c.getId(), t.getId(), l);
        if (p.plan() != null) {
          p.plan().pairings().forEach(x -> audit.read(u.id(), x.childId(), null, "class plans page"));
        }
        list.add(new ClassRow(c.getId(), c.getName(), c.getClassTeacher() == null ? "" : papersTeacher(c), p));
      }
      rows.add(new SchoolRows(s.getId(), s.getName(), t.getName(), list));
    }
    model.addAttribute("schools", rows);
    model.addAttribute("terms", choices);
    model.addAttribute("term", term);
    return "classplan/class-plans";
  }

  private String papersTeacher(SchoolClass c) {
    return papers.teacherName(c.getClassTeacher());
  }

  private Term current(long schoolId) {
    try {
      return calendar.termOn(schoolId, clock.today());
    } catch (TermCalendar.NoTermException e) {
      return null;
    }
  }
}
