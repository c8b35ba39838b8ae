package org.careflow.setup;

import static org.careflow.setup.SchoolsInCharge.text;

import java.time.LocalDate;
import org.careflow.child.CareCases;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.school.Holiday;
import org.careflow.school.HolidayRepository;
import org.careflow.school.School;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.school.TermRepository;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's term calendar (校历) from the set-up pages: terms and holidays, the week of each term's
 * guardian meeting, and deleting what no case needs. Each action is one transaction, checked before
 * anything is written, and audited.
 */
@Service
public class CalendarMaintenance {

  private final SchoolsInCharge inCharge;
  private final TermRepository terms;
  private final HolidayRepository holidays;
  private final CareCases cases;
  private final Audit audit;
  private final TermCalendar termCalendar;

  CalendarMaintenance(SchoolsInCharge inCharge, TermRepository terms, HolidayRepository holidays, CareCases cases, Audit audit,
      TermCalendar termCalendar) {
    this.inCharge = inCharge;
    this.terms = terms;
    this.holidays = holidays;
    this.cases = cases;
    this.audit = audit;
    this.termCalendar = termCalendar;
  }

  @Transactional
  public void addCalendarEntry(CurrentUser user, long schoolId, String kind, String name, LocalDate start, LocalDate end) {
    School s = inCharge.school(user, schoolId);
    FieldErrors errors = new FieldErrors();
    boolean term = "TERM".equals(kind);
    if (!term && !"HOLIDAY".equals(kind)) {
      errors.reject("kind", "validation.option");
    }
    String n = text(name, "name", 50, true, errors);
    if (start == null) {
      errors.reject("start", "validation.date");
    }
    if (end == null) {
      errors.reject("end", "validation.date");
    }
    if (start != null && end != null && end.isBefore(start)) {
      errors.reject("end", "setup.endBeforeStart");
    }
    if (n != null && (terms.findBySchoolIdAndName(s.getId(), n).isPresent() || holidays.findBySchoolIdAndName(s.getId(), n).isPresent())) {
      errors.reject("name", "setup.calendarExists", n);
    }
    if (term && start != null && end != null && !errors.has("end")) {
      for (Term t : terms.findBySchoolIdOrderByStartDate(s.getId())) {
        if (!start.isAfter(t.getEndDate()) && !t.getStartDate().isAfter(end)) {
          errors.reject("start", "setup.termOverlaps", t.getName());
          break;
        }
      }
    }
    errors.throwIfAny();
    if (term) {
      terms.save(new Term(s, n, start, end));
    } else {
      holidays.save(new Holiday(s, n, start, end));
    }
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "校历 " + s.getName() + " " + n + " " + start + "~" + end + ": created");
  }

  /** The week of the term by which each class's guardian meeting (家长会) is to be planned. */
  @Transactional
  public void setMeetingWeek(CurrentUser user, long termId, Integer week) {
    Term t = terms.findById(termId).orElseThrow(() -> new NotFoundException("term " + termId));
    inCharge.school(user, t.getSchool().getId());
    if (week == null) {
      throw InvalidInputException.of("meetingWeek", "validation.meetingWeek", t.weeks());
    }
    termCalendar.setMeetingWeek(termId, week);
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null,
        "校历 " + t.getSchool().getName() + " " + t.getName() + ": 家长会 week " + week);
  }

  /** Deletes a term no case ever ran in (a term with running cases, or their history, stays). */
  @Transactional
  public void deleteTerm(CurrentUser user, long termId) {
    Term t = terms.findById(termId).orElseThrow(() -> new NotFoundException("term " + termId));
    inCharge.school(user, t.getSchool().getId());
    long running = cases.runningCasesInTerm(termId);
    if (running > 0) {
      throw InvalidInputException.of("term", "setup.termHasCases", t.getName(), running);
    }
    if (cases.casesInTerm(termId) > 0) {
      throw InvalidInputException.of("term", "setup.termHasHistory", t.getName());
    }
    terms.delete(t);
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "校历 " + t.getSchool().getName() + " " + t.getName() + ": deleted");
  }

  @Transactional
  public void deleteHoliday(CurrentUser user, long holidayId) {
    Holiday h = holidays.findById(holidayId).orElseThrow(() -> new NotFoundException("holiday " + holidayId));
    inCharge.school(user, h.getSchool().getId());
    holidays.delete(h);
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "校历 " + h.getSchool().getName() + " " + h.getName() + ": deleted");
  }
}
