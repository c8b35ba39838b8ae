package org.careflow.school;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.careflow.shared.Caches;
import org.springframework.cache.CacheManager;

/**
 * Clears the calendar caches ({@link TermCalendar#cachedHolidays}, {@link TermCalendar#cachedTerm}) when a
 * term or a holiday is saved or removed, wherever that happens (set-up pages, workbook, demo, tests): a
 * JPA entity listener, so no writer of the calendar has to remember it.
 */
public class CalendarChanges {

  private final CacheManager caches;

  public CalendarChanges(CacheManager caches) {
    this.caches = caches;
  }

  @PostPersist
  @PostUpdate
  @PostRemove
  void changed(Object termOrHoliday) {
    Caches.clearNowAndAfterCommit(caches, termOrHoliday instanceof Term ? Caches.TERMS : Caches.HOLIDAYS);
  }
}
