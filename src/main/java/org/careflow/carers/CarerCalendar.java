package org.careflow.carers;

import java.util.Date;
import org.careflow.shared.CareClock;
import org.springframework.stereotype.Component;

/** The dates of the {@code carer-follow-up} process: the first of next month, and a week to answer. */
@Component("carerCalendar")
public class CarerCalendar {

  private final CareClock clock;

  CarerCalendar(CareClock clock) {
    this.clock = clock;
  }

  /** The start of the first day of next month (the execution is not needed: every carer is asked then). */
  public Date nextMonth(Object execution) {
    return clock.startOf(clock.today().withDayOfMonth(1).plusMonths(1));
  }

  /** The end of the school day a week from today. */
  public Date followUpDue(Object execution) {
    return clock.endOf(clock.today().plusDays(7));
  }
}
