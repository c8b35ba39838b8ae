package org.careflow.talk;

import java.util.Collection;
import java.util.Set;
import java.util.HashSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which cases have their talk card for a month: one query for a class's page. */
@Service
public class TalkMonths {

  private final MonthlyTalkRepository talks;

  TalkMonths(MonthlyTalkRepository talks) {
    this.talks = talks;
  }

  /** The cases among {@code caseIds} with a talk record counting for {@code month} (yyyy-MM). */
  @Transactional(readOnly = true)
  public Set<Long> talkedIn(Collection<Long> caseIds, String month) {
    return caseIds.isEmpty() ? Set.of() : new HashSet<>(talks.casesWithTalkIn(caseIds, month));
  }
}
