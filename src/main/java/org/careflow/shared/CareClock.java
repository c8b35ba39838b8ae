package org.careflow.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one clock of careflow. It reads the engine's ClockUtil so that a test (or the demo seeder)
 * that moves the engine's time moves the domain's time with it: timers, due dates and the dates
 * written on records never disagree.
 */
@Component
public class CareClock {

  private final ZoneId zone;

  public CareClock(@Value("${careflow.time-zone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public Date nowAsDate() {
    return ClockUtil.getCurrentTime();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  public LocalDateTime localNow() {
    return LocalDateTime.ofInstant(now(), zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first instant of a school day, in the school's time zone. */
  public Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  /** The last second of a school day: a task due "on" a day is due at its end. */
  public Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
  }

  public LocalDate dayOf(Date date) {
    return LocalDate.ofInstant(date.toInstant(), zone);
  }
}
