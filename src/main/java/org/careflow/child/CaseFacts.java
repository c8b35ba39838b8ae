package org.careflow.child;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of a case other modules keep a copy of ({@link CaseFactsChanged}): published by the few methods
 * of this module that change them ({@link CareCases} opening, deciding, activating and closing a case,
 * {@link ChildArchive} moving a child to another class or registering it), at the change itself, so that a
 * listener sees them before the case's process makes its first tasks in the same transaction. And read
 * whole for a rebuild or a start check.
 */
@Component
public class CaseFacts {

  private final CareCaseRepository cases;
  private final ApplicationEventPublisher events;

  CaseFacts(CareCaseRepository cases, ApplicationEventPublisher events) {
    this.cases = cases;
    this.events = events;
  }

  static CaseFactsChanged of(CareCase c) {
    Child ch = c.getChild();
    return new CaseFactsChanged(c.getId(), ch.getId(), ch.getSchoolClass().getId(), ch.getSchoolClass().getSchool().getId(),
        c.getStatus().name(), c.getOpenedAt(), ch.getRegisteredAt(), c.getClosedAt(), c.getCloseReason());
  }

  /** The case (saved: it has its id) changed its status or dates. */
  void changed(CareCase c) {
    events.publishEvent(of(c));
  }

  /** The child changed class or was registered: each of its cases' facts changed. */
  void childChanged(Child ch) {
    if (ch.getId() == null) {
      return;
    }
    for (CareCase c : cases.findByChildIdOrderByOpenedAtDesc(ch.getId())) {
      events.publishEvent(of(c));
    }
  }

  /** Every case's facts (a rebuild of a copy), in one query. */
  @Transactional(readOnly = true)
  public List<CaseFactsChanged> all() {
    return cases.allFacts().stream().map(r -> new CaseFactsChanged((Long) r[0], (Long) r[1], (Long) r[2], (Long) r[3],
        ((CaseStatus) r[4]).name(), (java.time.Instant) r[5], (java.time.Instant) r[6], (java.time.Instant) r[7], (String) r[8])).toList();
  }

  /** How many cases there are. */
  @Transactional(readOnly = true)
  public long count() {
    return cases.count();
  }
}
