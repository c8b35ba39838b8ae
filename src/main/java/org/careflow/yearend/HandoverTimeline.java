package org.careflow.yearend;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.shared.CareClock;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.careflow.shared.TimelineEntry.Detail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The year-end handovers on the child's timeline: class and class teacher before and after, and the old teacher's note. */
@Component
class HandoverTimeline implements TimelineContributor {

  private final HandoverNoteRepository notes;
  private final CareCases cases;
  private final CareClock clock;
  private final org.careflow.school.SchoolDirectory schools;

  HandoverTimeline(HandoverNoteRepository notes, CareCases cases, CareClock clock, org.careflow.school.SchoolDirectory schools) {
    this.schools = schools;
    this.notes = notes;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesForCase(long caseId) {
    CareCase c = cases.careCase(caseId);
    Instant until = c.getClosedAt() == null ? Instant.MAX : c.getClosedAt().plusSeconds(1);
    List<TimelineEntry> out = new ArrayList<>();
    for (HandoverNote n : notes.findByChildIdInAndPromotedAtIsNotNullOrderByPromotedAtDesc(List.of(c.getChild().getId()))) {
      if (n.getPromotedAt().isBefore(c.getOpenedAt()) || !n.getPromotedAt().isBefore(until)) {
        continue; // another case's year
      }
      List<Detail> d = new ArrayList<>();
      d.add(new Detail("record.classChange", n.getClassBefore() + " → " + n.getClassAfter()));
      d.add(new Detail("record.fromTeacher", schools.teacherName(n.getFromTeacher())));
      if (n.getToTeacher() != null) {
        d.add(new Detail("record.toTeacher", schools.teacherName(n.getToTeacher())));
      }
      if (n.getNote() != null) {
        d.add(new Detail("record.handoverNote", n.getNote()));
      }
      out.add(new TimelineEntry(LocalDateTime.ofInstant(n.getPromotedAt(), clock.zone()),
          "GRADUATED".equals(n.getOutcome()) ? "timeline.graduated" : "timeline.handover", n.getPromotedBy(), d));
    }
    return out;
  }
}
