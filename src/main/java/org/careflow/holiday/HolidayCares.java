package org.careflow.holiday;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.child.CareCases;
import org.careflow.school.Holiday;
import org.careflow.school.HolidayChanges.HolidayChanged;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts the holiday care: one {@code holiday-care} instance per holiday and class that has children in
 * care, idempotently (a class's care of a holiday is one row, unique on holiday and class). It runs
 * <ul>
 *   <li>when a holiday is entered or its dates change (set-up pages, set-up workbook, the demo): after the
 *       calendar's transaction commits, a care that nothing was recorded in yet is restarted with the new
 *       dates; a deleted holiday's running care ends;</li>
 *   <li>at start-up, for every holiday not over yet (classes whose first children came into care since).</li>
 * </ul>
 */
@Service
@Order(50)
public class HolidayCares implements ApplicationRunner {

  public static final String PROCESS_KEY = HolidayCareProcess.KEY;
  private static final Logger log = LoggerFactory.getLogger(HolidayCares.class);

  private final HolidayCareRepository cares;
  private final HolidayLetterRepository letters;
  private final HolidayContactRepository contacts;
  private final TermCalendar calendar;
  private final SchoolClassRepository classes;
  private final CareCases cases;
  private final RuntimeService runtime;
  private final CareClock clock;

  HolidayCares(HolidayCareRepository cares, HolidayLetterRepository letters, HolidayContactRepository contacts, TermCalendar calendar,
      SchoolClassRepository classes, CareCases cases, RuntimeService runtime, CareClock clock) {
    this.cares = cares;
    this.letters = letters;
    this.contacts = contacts;
    this.calendar = calendar;
    this.classes = classes;
    this.cases = cases;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    int started = ensureAll();
    if (started > 0) {
      log.info("holiday care started for {} classes", started);
    }
  }

  /** Every holiday not over yet gets its care in every class with children in care. Returns how many started. */
  @Transactional
  public int ensureAll() {
    int n = 0;
    for (Holiday h : calendar.holidaysNotEndedBy(clock.today())) {
      n += ensure(h);
    }
    return n;
  }

  /** The holiday's care in each class of its school that has children in care and no care of it yet. */
  @Transactional
  public int ensure(long holidayId) {
    return calendar.holiday(holidayId).map(this::ensure).orElse(0);
  }

  private int ensure(Holiday h) {
    if (h.getEndDate().isBefore(clock.today())) {
      return 0;
    }
    int n = 0;
    for (SchoolClass c : classes.findBySchoolIdOrderByGradeAscNameAsc(h.getSchool().getId())) {
      if (cares.findByHolidayIdAndClassId(h.getId(), c.getId()).isEmpty() && !cases.openCasesOfClass(c.getId()).isEmpty()) {
        HolidayCare care = cares.saveAndFlush(new HolidayCare(h.getId(), c.getId(), h.getSchool().getId(), clock.now()));
        start(care);
        n++;
      }
    }
    return n;
  }

  private void start(HolidayCare care) {
    String pi = runtime.startProcessInstanceByKey(PROCESS_KEY, care.businessKey()).getId();
    care.started(pi, clock.now());
  }

  /** The care of a holiday in a class, if it started. */
  @Transactional(readOnly = true)
  public java.util.Optional<HolidayCare> careOf(long holidayId, long classId) {
    return cares.findByHolidayIdAndClassId(holidayId, classId);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void holidayChanged(HolidayChanged e) {
    List<HolidayCare> existing = cares.findByHolidayId(e.holidayId());
    for (HolidayCare care : existing) {
      boolean running = care.getProcessInstanceId() != null
          && runtime.createProcessInstanceQuery().processInstanceId(care.getProcessInstanceId()).count() > 0;
      if (!running) {
        continue;
      }
      if (e.removed()) {
        runtime.deleteProcessInstance(care.getProcessInstanceId(), "holiday deleted from the calendar");
      } else if (!letters.existsByCareId(care.getId()) && !contacts.existsByCareId(care.getId())) {
        // nothing recorded yet: start again, so the timers follow the holiday's (perhaps new) dates
        runtime.deleteProcessInstance(care.getProcessInstanceId(), "holiday dates changed");
        start(care);
      }
    }
    if (!e.removed()) {
      ensure(e.holidayId());
    }
  }
}
