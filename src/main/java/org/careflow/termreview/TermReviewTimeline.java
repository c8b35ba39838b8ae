package org.careflow.termreview;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.careflow.shared.CareClock;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.careflow.shared.TimelineEntry.Detail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class TermReviewTimeline implements TimelineContributor {

  private final TermReviewRepository reviews;
  private final CareClock clock;

  TermReviewTimeline(TermReviewRepository reviews, CareClock clock) {
    this.reviews = reviews;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesForCase(long caseId) {
    List<TimelineEntry> out = new ArrayList<>();
    for (TermReview r : reviews.findByCaseIdOrderByWrittenAtDesc(caseId)) {
      List<Detail> d = new ArrayList<>();
      d.add(new Detail("record.progress", r.getProgress()));
      if (r.getRankBefore() != null && r.getRankAfter() != null) {
        d.add(new Detail("record.rank", r.getRankBefore() + " → " + r.getRankAfter()));
      }
      d.add(new Detail("record.outcome", "outcome:" + r.getOutcome()));
      d.add(new Detail("record.summary", r.getSummary()));
      if (r.getApproved() != null) {
        d.add(new Detail("record.signOff", (r.getApproved() ? "signoff:approve" : "signoff:return")));
      }
      if (r.getSignOffComment() != null) {
        d.add(new Detail("record.signOffComment", r.getSignOffComment()));
      }
      out.add(new TimelineEntry(LocalDateTime.ofInstant(r.getWrittenAt(), clock.zone()), "timeline.termReview", r.getWrittenBy(), d));
    }
    return out;
  }
}
