package org.careflow.family;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.careflow.shared.CareClock;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.careflow.shared.TimelineEntry.Detail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Calls with the parents, feedback to them, letters and searches for unreachable parents on the child's timeline. */
@Component
class FamilyTimeline implements TimelineContributor {

  private final FamilyCallRepository calls;
  private final FamilyRecordRepository records;
  private final CareClock clock;

  FamilyTimeline(FamilyCallRepository calls, FamilyRecordRepository records, CareClock clock) {
    this.calls = calls;
    this.records = records;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesForCase(long caseId) {
    List<TimelineEntry> out = new ArrayList<>();
    for (FamilyCall c : calls.findByCaseIdOrderByCallDateDescIdDesc(caseId)) {
      out.add(new TimelineEntry(at(c.getCallDate(), c.getRecordedAt()), "timeline.familyCall", c.getRecordedBy(), details(
          "record.callKind", "callKind:" + c.getKind(), "record.parent", "parent:" + c.getParent(),
          "record.minutes", c.isReached() ? Integer.toString(c.getMinutes()) : null,
          "record.reached", c.isReached() ? "bool:yes" : "bool:no", "record.notes", c.getNotes())));
    }
    for (FamilyRecord r : records.findByCaseIdOrderByRecordDateDescIdDesc(caseId)) {
      String kind = switch (r.getKind()) {
        case FEEDBACK -> "timeline.parentFeedback";
        case LETTER -> "timeline.familyLetter";
        case UNREACHABLE -> "timeline.parentsUnreachable";
      };
      out.add(new TimelineEntry(at(r.getRecordDate(), r.getRecordedAt()), kind, r.getTeacher(), details(
          "record.month", r.getKind() == FamilyRecord.Kind.FEEDBACK ? r.getPeriod() : null,
          "record.channel", "channel:" + r.getChannel(), "record.summary", r.getSummary())));
    }
    return out;
  }

  private LocalDateTime at(java.time.LocalDate day, java.time.Instant recorded) {
    return day.atTime(LocalDateTime.ofInstant(recorded, clock.zone()).toLocalTime());
  }

  private static List<Detail> details(String... pairs) {
    List<Detail> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
        out.add(new Detail(pairs[i], pairs[i + 1]));
      }
    }
    return out;
  }
}
