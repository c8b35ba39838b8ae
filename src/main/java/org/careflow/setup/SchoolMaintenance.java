package org.careflow.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.careflow.identity.Accounts;
import org.careflow.identity.CurrentUser;
import org.careflow.school.Holiday;
import org.careflow.school.HolidayRepository;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the set-up pages show of a school: its classes, staff and term calendar, to those who may change
 * them (coordinators their own schools, administrators every school). The changes themselves are
 * {@link ClassMaintenance}, {@link StaffMaintenance} and {@link CalendarMaintenance}.
 */
@Service
public class SchoolMaintenance {

  private final SchoolsInCharge inCharge;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final HolidayRepository holidays;
  private final Accounts accounts;

  SchoolMaintenance(SchoolsInCharge inCharge, SchoolClassRepository classes, TeacherRepository teachers, TermRepository terms,
      HolidayRepository holidays, Accounts accounts) {
    this.inCharge = inCharge;
    this.classes = classes;
    this.teachers = teachers;
    this.terms = terms;
    this.holidays = holidays;
    this.accounts = accounts;
  }

  /** The schools this user may change: theirs (coordinator), every one (administrator). */
  @Transactional(readOnly = true)
  public List<School> schoolsOf(CurrentUser user) {
    return inCharge.schoolsOf(user);
  }

  @Transactional(readOnly = true)
  public List<SchoolClass> classes(CurrentUser user, long schoolId) {
    return classes.findBySchoolIdOrderByGradeAscNameAsc(inCharge.school(user, schoolId).getId());
  }

  @Transactional(readOnly = true)
  public List<Teacher> staff(CurrentUser user, long schoolId) {
    return teachers.findBySchoolIdOrderByName(inCharge.school(user, schoolId).getId());
  }

  @Transactional(readOnly = true)
  public List<Term> terms(CurrentUser user, long schoolId) {
    return terms.findBySchoolIdOrderByStartDate(inCharge.school(user, schoolId).getId());
  }

  @Transactional(readOnly = true)
  public List<Holiday> holidays(CurrentUser user, long schoolId) {
    return holidays.findBySchoolIdOrderByStartDate(inCharge.school(user, schoolId).getId());
  }

  @Transactional(readOnly = true)
  public Set<String> rolesOf(String username) {
    return accounts.rolesOf(username);
  }

  /** The school's active staff other than this person: who can take over. */
  @Transactional(readOnly = true)
  public List<Teacher> colleagues(CurrentUser user, long schoolId, String except) {
    List<Teacher> out = new ArrayList<>();
    for (Teacher t : staff(user, schoolId)) {
      if (t.isActive() && !t.getUsername().equals(except)) {
        out.add(t);
      }
    }
    return out;
  }
}
