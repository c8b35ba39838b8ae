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
}
