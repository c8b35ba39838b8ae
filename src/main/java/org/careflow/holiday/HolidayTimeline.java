package org.careflow.holiday;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.careflow.shared.CareClock;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.careflow.shared.TimelineEntry.Detail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The holiday safety letters and the holiday contacts on the child's timeline. */
@Component
class HolidayTimeline implements TimelineContributor {

  private final HolidayLetterRepository letters;
  private final HolidayContactRepository contacts;
  private final CareClock clock;

  HolidayTimeline(HolidayLetterRepository letters, HolidayContactRepository contacts, CareClock clock) {
    this.letters = letters;
    this.contacts = contacts;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesForCase(long caseId) {
    List<TimelineEntry> out = new ArrayList<>();
    for (HolidayLetter l : letters.findByCaseIdOrderByIdDesc(caseId)) {
      List<Detail> d = new ArrayList<>();
      d.add(new Detail("holiday.returned", l.isReturned() ? "bool:yes" : "bool:no"));
      if (l.getSignedBy() != null) {
        d.add(new Detail("holiday.signedBy", "signer:" + l.getSignedBy()));
      }
      out.add(new TimelineEntry(LocalDateTime.ofInstant(l.getRecordedAt(), clock.zone()), "timeline.holidayLetter", l.getRecordedBy(), d));
    }
    for (HolidayContact c : contacts.findByCaseIdOrderByContactDateDescIdDesc(caseId)) {
      List<Detail> d = new ArrayList<>();
      d.add(new Detail("holiday.contactKind", "holidayContact:" + c.getKind()));
      if (c.getNotes() != null) {
        d.add(new Detail("record.notes", c.getNotes()));
      }
      out.add(new TimelineEntry(c.getContactDate().atTime(LocalDateTime.ofInstant(c.getRecordedAt(), clock.zone()).toLocalTime()),
          "timeline.holidayContact", c.getRecordedBy(), d));
    }
    return out;
  }
}
