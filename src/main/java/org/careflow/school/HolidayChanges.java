package org.careflow.school;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Tells the other modules that a holiday of a calendar was entered, moved or deleted (the set-up pages,
 * the set-up workbook, the demo): they listen for {@link HolidayChanged} after the transaction commits.
 * A JPA entity listener, so no writer of the calendar has to remember it.
 */
public class HolidayChanges {

  private final ApplicationEventPublisher events;

  public HolidayChanges(ApplicationEventPublisher events) {
    this.events = events;
  }

  @PostPersist
  @PostUpdate
  void saved(Holiday h) {
    events.publishEvent(new HolidayChanged(h.getId(), h.getSchool().getId(), false));
  }

  @PostRemove
  void removed(Holiday h) {
    events.publishEvent(new HolidayChanged(h.getId(), h.getSchool().getId(), true));
  }

  /** A holiday was saved (entered or its dates changed) or removed. */
  public record HolidayChanged(long holidayId, long schoolId, boolean removed) {}
}
