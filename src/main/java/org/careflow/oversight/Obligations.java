package org.careflow.oversight;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The one definition of a <em>missed obligation</em> (DESIGN.md section 5: its period ended without
 * the record). Every user (dashboard, targets, exports, digest) takes the periods and the SQL
 * conditions from here; the overdue tasks themselves follow {@link org.careflow.shared.Deadlines}.
 * <ul>
 *   <li>talk: a calendar month of a term without a class-teacher talk record
 *       ({@code cf_monthly_talk.talk_month}) for a case that was active in that month; the talk is
 *       <em>on time</em> when it was held within the month. A month whose days in the term all fall in the
 *       school's holidays asks for no talk (talks pause in the holidays);</li>
 *   <li>check-in: a school week (Monday–Sunday) of a term without a mentor check-in
 *       ({@code cf_mentor_check_in}) for a case that was active and paired in that week;</li>
 *   <li>guardian meeting: a term without a guardian meeting held ({@code cf_guardian_meeting.held_at})
 *       for a class that had active cases in it;</li>
 *   <li>verification: an archive still unverified {@value #VERIFY_WITHIN_DAYS} days after registration
 *       (no home visit with reason VERIFICATION, talk's ArchiveVerified) while its case is active.</li>
 * </ul>
 * A case is <em>active</em> in a period when its archive was registered before the period ended, it was
 * found eligible (status ACTIVE, or CLOSED after that) and it was not closed before the period began.
 */
public final class Obligations {

  public static final int VERIFY_WITHIN_DAYS = 14;

  /** A case active in the period [%1$s, %2$s): %3$s has status and closed_at, %4$s registered_at. */
  static final String ACTIVE_CASE =
      "%3$s.status IN ('ACTIVE','CLOSED') AND %4$s.registered_at IS NOT NULL AND %4$s.registered_at < %2$s"
          + " AND (%3$s.closed_at IS NULL OR %3$s.closed_at >= %1$s)";

  /**
   * The case (alias c) had its archive verified: a home visit with reason VERIFICATION, as oversight's copy
   * of them holds it ({@code cf_dash_verified}, kept from talk's ArchiveVerified).
   */
  static final String VERIFIED = "EXISTS (SELECT 1 FROM cf_dash_verified v WHERE v.case_id = c.id)";

  /** The same on the dashboard's case summary (alias d, cf_dash_case, whose verified is {@link #VERIFIED}). */
  static final String UNVERIFIED_SUMMARY =
      "d.status = 'ACTIVE' AND d.registered_at IS NOT NULL AND d.registered_at < :verifyCutoff AND d.verified = FALSE";

  /** A talk of month yyyy-MM is on time when held within that month. */
  public static boolean talkOnTime(String talkMonth, LocalDate talkDate) {
    return !YearMonth.from(talkDate).isAfter(YearMonth.parse(talkMonth));
  }

  /** The label of the school week (Monday to Sunday) a day falls in: its Monday, as {@link #weeks} labels it. */
  public static String weekOf(LocalDate day) {
    return day.with(DayOfWeek.MONDAY).toString();
  }

  private Obligations() {}

  static String activeCase(String from, String to) {
    return String.format(ACTIVE_CASE, from, to, "c", "ch");
  }

  /** {@link #ACTIVE_CASE} on one table that has status, registered_at and closed_at (the summary cf_dash_case). */
  static String activeCase(String from, String to, String alias) {
    return String.format(ACTIVE_CASE, from, to, alias, alias);
  }

  /** Registered before this instant and still unverified: the verification is missed. */
  public static Instant verifyCutoff(Instant now) {
    return now.minus(Duration.ofDays(VERIFY_WITHIN_DAYS));
  }

  /** A period of an obligation: its first day and last day, and as instants [start, end). */
  public record Period(String label, LocalDate first, LocalDate last, Instant start, Instant end) {
    public boolean endedBy(Instant now) {
      return !end.isAfter(now);
    }
  }

  /** The calendar months that overlap the term, labelled yyyy-MM (as {@code talk_month}). */
  public static List<Period> months(LocalDate termStart, LocalDate termEnd, ZoneId zone) {
    List<Period> out = new ArrayList<>();
    for (YearMonth m = YearMonth.from(termStart); !m.atDay(1).isAfter(termEnd); m = m.plusMonths(1)) {
      out.add(period(m.toString(), m.atDay(1), m.atEndOfMonth(), zone));
    }
    return out;
  }

  /** {@link #months}, without the months whose days in the term are all holidays of the school. */
  public static List<Period> months(LocalDate termStart, LocalDate termEnd, ZoneId zone, List<org.careflow.school.Holiday> holidays) {
    return months(termStart, termEnd, zone).stream().filter(p -> schoolDayIn(p, termStart, termEnd, holidays)).toList();
  }

  /** {@link #weeks}, without the weeks whose days in the term are all holidays of the school. */
  public static List<Period> weeks(LocalDate termStart, LocalDate termEnd, ZoneId zone, List<org.careflow.school.Holiday> holidays) {
    return weeks(termStart, termEnd, zone).stream().filter(p -> schoolDayIn(p, termStart, termEnd, holidays)).toList();
  }

  private static boolean schoolDayIn(Period p, LocalDate termStart, LocalDate termEnd, List<org.careflow.school.Holiday> holidays) {
    LocalDate first = p.first().isBefore(termStart) ? termStart : p.first();
    LocalDate last = p.last().isAfter(termEnd) ? termEnd : p.last();
    return org.careflow.school.TermCalendar.hasDayOutside(holidays, first, last);
  }

  /** The school weeks (Monday to Sunday) that overlap the term, labelled by their Monday. */
  public static List<Period> weeks(LocalDate termStart, LocalDate termEnd, ZoneId zone) {
    List<Period> out = new ArrayList<>();
    for (LocalDate monday = termStart.with(DayOfWeek.MONDAY); !monday.isAfter(termEnd); monday = monday.plusWeeks(1)) {
      out.add(period(monday.toString(), monday, monday.plusDays(6), zone));
    }
    return out;
  }

  private static Period period(String label, LocalDate first, LocalDate last, ZoneId zone) {
    return new Period(label, first, last, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
  }
}
