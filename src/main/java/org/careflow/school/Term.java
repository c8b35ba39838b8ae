package org.careflow.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One term (学期) of a school's calendar. Timers of the case processes read their dates from here. */
@Entity
@Table(name = "cf_term")
@jakarta.persistence.EntityListeners(CalendarChanges.class)
public class Term {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private School school;

  @Column(nullable = false, length = 50)
  private String name;

  @Column(nullable = false)
  private LocalDate startDate;

  @Column(nullable = false)
  private LocalDate endDate;

  /** The week of the term (1 = the week it starts in) the class's guardian meeting is due in; 4 unless the coordinator chose another. */
  @Column(nullable = false)
  private int meetingWeek = DEFAULT_MEETING_WEEK;

  public static final int DEFAULT_MEETING_WEEK = 4;

  protected Term() {}

  public Term(School school, String name, LocalDate startDate, LocalDate endDate) {
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("a term cannot end before it starts");
    }
    this.school = school;
    this.name = name;
    this.startDate = startDate;
    this.endDate = endDate;
  }

  public Long getId() { return id; }
  public School getSchool() { return school; }
  public String getName() { return name; }
  public LocalDate getStartDate() { return startDate; }
  public LocalDate getEndDate() { return endDate; }
  public int getMeetingWeek() { return meetingWeek; }

  /** The school weeks (Monday to Sunday) the term touches, the first and last perhaps partly. */
  public int weeks() {
    return (int) java.time.temporal.ChronoUnit.WEEKS.between(monday(startDate), monday(endDate)) + 1;
  }

  /** The Monday of the term's n-th week (week 1 holds the term's first day). */
  public LocalDate weekStart(int n) {
    return monday(startDate).plusWeeks(n - 1L);
  }

  void chooseMeetingWeek(int week) {
    if (week < 1 || week > weeks()) {
      throw new IllegalArgumentException("week " + week + " is not in the term");
    }
    this.meetingWeek = week;
  }

  private static LocalDate monday(LocalDate d) {
    return d.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
  }

  /** New dates from the calendar page or the set-up workbook. */
  public void setDates(LocalDate startDate, LocalDate endDate) {
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("a term cannot end before it starts");
    }
    this.startDate = startDate;
    this.endDate = endDate;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(startDate) && !day.isAfter(endDate);
  }
}
