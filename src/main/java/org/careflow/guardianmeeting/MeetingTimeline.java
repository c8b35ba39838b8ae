package org.careflow.guardianmeeting;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.careflow.shared.CareClock;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.careflow.shared.TimelineEntry.Detail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The guardian meetings a child's guardian was invited to, and whether they came. */
@Component
class MeetingTimeline implements TimelineContributor {

  private final MeetingGuestRepository guests;
  private final GuardianMeetingRepository meetings;
  private final CareClock clock;

  MeetingTimeline(MeetingGuestRepository guests, GuardianMeetingRepository meetings, CareClock clock) {
    this.guests = guests;
    this.meetings = meetings;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesForCase(long caseId) {
    List<TimelineEntry> out = new ArrayList<>();
    for (MeetingGuest g : guests.findByCaseIdOrderById(caseId)) {
      GuardianMeeting m = meetings.findById(g.getMeetingId()).orElseThrow();
      List<Detail> d = new ArrayList<>();
      if (m.getMeetingDate() != null) {
        d.add(new Detail("record.meetingDate", m.getMeetingDate().toString()));
      }
      d.add(new Detail("record.attendance", g.getPresent() == null ? "attendance:invited" : g.getPresent() ? "attendance:present" : "attendance:absent"));
      LocalDateTime at = m.getHeldAt() != null ? LocalDateTime.ofInstant(m.getHeldAt(), clock.zone()) : LocalDateTime.ofInstant(g.getInvitedAt(), clock.zone());
      out.add(new TimelineEntry(at, "timeline.guardianMeeting", null, d));
    }
    return out;
  }
}
