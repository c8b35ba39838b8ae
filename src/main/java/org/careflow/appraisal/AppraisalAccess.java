package org.careflow.appraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Whose appraisals someone sees and grades, and of which term: an administrator every school; a
 * supervisor (校长, 分管领导, a township officer) the schools of their {@code school-<id>} groups, every
 * teacher of them, and grades them; anyone else at most their own appraisal (a teacher), or nothing.
 * Runs in the transaction of the {@link Appraisals} action that asks.
 */
@Component
class AppraisalAccess {

  private final SchoolRepository schools;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final CareClock clock;

  AppraisalAccess(SchoolRepository schools, TeacherRepository teachers, TermRepository terms, CareClock clock) {
    this.schools = schools;
    this.teachers = teachers;
    this.terms = terms;
    this.clock = clock;
  }

  /** Whether they appraise every teacher of their schools (supervisors, administrators). */
  static boolean appraiser(CurrentUser u) {
    return u.isAdmin() || u.has(Roles.SUPERVISOR);
  }

  /** Whether they grade the teachers of this school. */
  static boolean mayGrade(CurrentUser u, long schoolId) {
    return u.isAdmin() || (u.has(Roles.SUPERVISOR) && u.schools().contains(schoolId));
  }

  /** The schools whose appraisals they see: all (admin), their schools (supervisor), their own school as a teacher, or none. */
  List<School> schoolsOf(CurrentUser u) {
    List<School> all = new ArrayList<>(schools.findAll());
    all.sort(Comparator.comparing(School::getId));
    if (u.isAdmin()) {
      return all;
    }
    Set<Long> mine = new HashSet<>();
    if (u.has(Roles.SUPERVISOR)) {
      mine.addAll(u.schools());
    }
    teachers.findByUsername(u.id()).ifPresent(t -> mine.add(t.getSchool().getId()));
    return all.stream().filter(s -> mine.contains(s.getId())).toList();
  }

  /** The teacher, if they see their appraisal; 404 otherwise, as for a teacher that does not exist. */
  Teacher visibleTeacher(CurrentUser u, long teacherId) {
    Teacher t = teachers.findById(teacherId).orElseThrow(() -> new NotFoundException("teacher " + teacherId));
    boolean sees = u.isAdmin() || (u.has(Roles.SUPERVISOR) && u.schools().contains(t.getSchool().getId())) || t.getUsername().equals(u.id());
    if (!sees) {
      throw new NotFoundException("teacher " + teacherId);
    }
    return t;
  }

  /** The teacher's school's term: the one given (it must be that school's), else the current one. */
  Term termOf(Teacher t, Long termId) {
    if (termId == null) {
      Term current = currentTerm(t.getSchool().getId());
      if (current == null) {
        throw new NotFoundException("term");
      }
      return current;
    }
    Term term = terms.findById(termId).orElse(null);
    if (term == null || !term.getSchool().getId().equals(t.getSchool().getId())) {
      throw InvalidInputException.of("term", "validation.option");
    }
    return term;
  }

  /** The term the school is in today; between terms the latest begun; before any, the first. */
  Term currentTerm(long schoolId) {
    LocalDate today = clock.today();
    return terms.findContaining(schoolId, today).orElseGet(() -> {
      List<Term> all = terms.findBySchoolIdOrderByStartDate(schoolId);
      return all.stream().filter(t -> !t.getStartDate().isAfter(today)).reduce((a, b) -> b).orElse(all.isEmpty() ? null : all.get(0));
    });
  }
}
