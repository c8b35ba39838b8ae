package org.careflow.talk;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about a case's home visits. */
@Component
@Transactional(readOnly = true)
public class HomeVisits {

  private final HomeVisitRepository visits;

  HomeVisits(HomeVisitRepository visits) {
    this.visits = visits;
  }

  /** Whether any home visit of the case (verification, absentee, quarterly) falls between the two days, both included. */
  public boolean visitedBetween(long caseId, LocalDate from, LocalDate to) {
    return visits.existsByCaseIdAndVisitDateBetween(caseId, from, to);
  }

  /** Every visit that verified a case's archive, as {@link ArchiveVerified} tells it (for a read model filled afresh). */
  public java.util.List<ArchiveVerified> verifications() {
    return visits.verifications(HomeVisit.Reason.VERIFICATION);
  }

  /** How many visits verified an archive (a read model's check that it is complete). */
  public long verificationCount() {
    return visits.countByReason(HomeVisit.Reason.VERIFICATION);
  }
}
