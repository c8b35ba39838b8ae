package org.careflow.family;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.shared.CareClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the contact with the parents stands, from the call log: weeks since the parents were last
 * reached, this week's calls against the child's weekly expectation, and whether the parents count
 * as unreachable (BPMN: {@code ${familyContact.unreachable(execution)}}). Other modules (the risk rules)
 * read {@link #weeksWithoutContact(long)} or {@link #weeksWithoutContactOfCase(long)}.
 */
@Component("familyContact")
@Transactional(readOnly = true)
public class ParentContact {

  private final FamilyCallRepository calls;
  private final FamilyRecordRepository records;
  private final CallExpectationRepository expectations;
  private final CareCases cases;
  private final CareClock clock;
  private final int unreachableWeeks;
  private final int defaultCallsPerWeek;
  private final org.springframework.beans.factory.ObjectProvider<ContactSource> others;

  ParentContact(FamilyCallRepository calls, FamilyRecordRepository records, CallExpectationRepository expectations,
      CareCases cases, CareClock clock, org.springframework.beans.factory.ObjectProvider<ContactSource> others,
      @Value("${careflow.family.unreachable-weeks:3}") int unreachableWeeks,
      @Value("${careflow.family.calls-per-week:1}") int defaultCallsPerWeek) {
    this.calls = calls;
    this.records = records;
    this.expectations = expectations;
    this.cases = cases;
    this.clock = clock;
    this.unreachableWeeks = unreachableWeeks;
    this.defaultCallsPerWeek = defaultCallsPerWeek;
    this.others = others;
  }

  /**
   * Whole weeks since the child's last family contact: a logged call with a parent that got through, or a
   * visit or call of someone who acts for the parents ({@link ContactSource}, the carers); with none, since
   * the child's first case was opened. 0 for a child with no case.
   */
  public int weeksWithoutContact(long childId) {
    java.util.Optional<LocalDate> last = calls.lastReached(childId);
    for (ContactSource source : others.orderedStream().toList()) {
      java.util.Optional<LocalDate> other = source.lastContact(childId);
      if (other.isPresent() && (last.isEmpty() || other.get().isAfter(last.get()))) {
        last = other;
      }
    }
    return weeksSince(childId, last);
  }

  /** Whole weeks since a parent was last reached by phone (the carers do not count here). */
  int weeksWithoutParents(long childId) {
    return weeksSince(childId, calls.lastReached(childId));
  }

  private int weeksSince(long childId, java.util.Optional<LocalDate> last) {
    LocalDate since = last.orElseGet(() -> cases.casesOfChild(childId).stream()
        .map(CareCase::getOpenedAt).min(Comparator.naturalOrder())
        .map(at -> at.atZone(clock.zone()).toLocalDate()).orElse(clock.today()));
    long days = ChronoUnit.DAYS.between(since, clock.today());
    return (int) Math.max(0, days / 7);
  }

  /** Days since a call with a parent got through, or empty when none was logged. */
  public java.util.Optional<Long> daysSinceReached(long childId) {
    return calls.lastReached(childId).map(d -> ChronoUnit.DAYS.between(d, clock.today()));
  }

  /** {@link #weeksWithoutContact(long)} of the case's child. */
  public int weeksWithoutContactOfCase(long caseId) {
    return weeksWithoutContact(cases.careCase(caseId).getChild().getId());
  }

  /**
   * The parents count as unreachable when no call has got through for the configured number of weeks
   * ({@code careflow.family.unreachable-weeks}), and nobody wrote down a search for them within that
   * many weeks: while they stay unreachable the class teacher is asked again every that many weeks.
   */
  public boolean unreachable(Object caseId) {
    long id = toLong(caseId);
    CareCase c = cases.careCase(id);
    if (weeksWithoutParents(c.getChild().getId()) < unreachableWeeks) {
      return false;
    }
    return !records.existsByCaseIdAndKindAndRecordDateAfter(id, FamilyRecord.Kind.UNREACHABLE,
        clock.today().minusWeeks(unreachableWeeks));
  }

  public int unreachableWeeks() {
    return unreachableWeeks;
  }

  /** Calls a week the child should have with the parents: the child's own figure, or the school's default. */
  public int callsPerWeek(long childId) {
    return expectations.findById(childId).map(CallExpectation::getCallsPerWeek).orElse(defaultCallsPerWeek);
  }

  /** Calls that got through this week (Monday to today). */
  public long callsThisWeek(long childId) {
    LocalDate today = clock.today();
    return calls.countByChildIdAndReachedTrueAndCallDateBetween(childId,
        today.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)), today);
  }

  static long toLong(Object id) {
    return org.careflow.shared.BusinessKey.id(id); // the execution (its business key) or, from Java, the id
  }
}
